import { parseArgs } from 'node:util';
import { msg } from '../../i18n/message.js';
import { bashCompletionScript } from '../bash-completion.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

/** `samaops completion bash`: prints the bash completion script (bash is the one shell supported). */
export async function completionCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1 || positionals[0] !== 'bash')
    throw new UsageError(msg('cli.error.completionShell'));
  io.stdout.write(bashCompletionScript());
  return EXIT.ok;
}
