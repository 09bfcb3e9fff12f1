import { ConfigError } from '../../config/config-error.js';
import { localeFromEnv } from '../../config/config-locale.js';
import { DeploymentError } from '../../config/deployment-error.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { errorText } from '../../render/error-text.js';
import type { CliIo } from '../cli-io.js';

/**
 * `samaops serve [--script LINES]`: the bot itself (src/main.ts), loaded only for this command so
 * that the other commands do not pay for Bolt and BullMQ. A configuration the bot cannot use is
 * the CLI's to print (exit 78); any other failure to run is one line and exit 1.
 */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { serveBot } = await import('../../main.js');
  try {
    return await serveBot(args, { env: io.env, stdin: process.stdin, stdout: process.stdout });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const forTheCli =
      error instanceof ConfigError ||
      error instanceof DeploymentError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
    if (forTheCli) throw error;
    // In the reader's language: a known cause's sentence, the raw reason quoted after it.
    const locale = localeFromEnv(io.env).locale ?? 'fr';
    io.stderr.write(`${translate(locale, msg('cli.error.line', { problem: errorText(error, locale) }))}\n`);
    return 1;
  }
}
