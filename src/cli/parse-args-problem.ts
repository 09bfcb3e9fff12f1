import { type Message, msg } from '../i18n/message.js';

/** The option or argument node's parseArgs quotes in its message (`Unknown option '--force'. …`). */
const QUOTED = /'([^']{1,60})'/;

/**
 * node:util parseArgs's errors (English, with advice about `--`) as the one catalogued thing that
 * was wrong; undefined for anything else.
 */
export function parseArgsProblem(error: unknown): Message | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const quoted = QUOTED.exec((error as Error).message)?.[1] ?? '?';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return msg('cli.error.unknownOption', { option: quoted });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return msg('cli.error.unexpectedArgument', { argument: quoted });
  return msg('cli.error.optionValue', { option: quoted.split(' ')[0] ?? quoted });
}
