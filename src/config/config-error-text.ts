import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ConfigError, ConfigProblem } from './config-error.js';

/** One problem as a terminal line: `  path (line N): message`, its hint on the next line. */
export function configProblemText(problem: ConfigProblem, locale: ConfigError['locale']): string {
  const where =
    problem.line === undefined
      ? problem.path
      : translate(locale, msg('config.cli.where', { path: problem.path, line: problem.line }));
  const hint = problem.hint
    ? `\n      ${translate(locale, msg('config.cli.hint', { hint: problem.hint }))}`
    : '';
  return `  ${translate(locale, msg('config.cli.problem', { where, message: problem.message }))}${hint}`;
}

/** A refused inventory as the CLI and the bot's start-up print it on stderr, every problem listed. */
export function configErrorText(error: ConfigError): string {
  const header = translate(error.locale, msg('config.cli.invalid', { file: error.file }));
  return [header, ...error.problems.map((problem) => configProblemText(problem, error.locale))].join('\n');
}
