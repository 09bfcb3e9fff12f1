import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { type ConfigError, type ConfigProblem, formatPath } from './config-error.js';
import type { Finding } from './findings/index.js';

/** `path (line N)`, or the path alone when the line is unknown. */
function whereText(path: string, line: number | undefined, locale: Locale): string {
  return line === undefined ? path : translate(locale, msg('config.cli.where', { path, line }));
}

/** One semantic finding as a terminal line: `  error path (line N): message`. */
export function findingText(finding: Finding, line: number | undefined, locale: Locale): string {
  return translate(
    locale,
    msg('config.cli.finding', {
      severity: msg(
        finding.severity === 'error' ? 'config.cli.severity.error' : 'config.cli.severity.warning',
      ),
      where: whereText(formatPath(finding.path), line, locale),
      message: finding.message,
    }),
  );
}

/** One problem as a terminal line: `  path (line N): message`, its hint on the next line. */
export function configProblemText(problem: ConfigProblem, locale: Locale): string {
  const where = whereText(problem.path, problem.line, locale);
  const hint = problem.hint
    ? `\n      ${translate(locale, msg('config.cli.hint', { hint: problem.hint }))}`
    : '';
  return `  ${translate(locale, msg('config.cli.problem', { where, message: problem.message }))}${hint}`;
}

/** A refused inventory as the CLI and the bot's start-up print it on stderr, every problem listed. */
export function configErrorText(error: ConfigError): string {
  const header = translate(error.locale, error.header ?? msg('config.cli.invalid', { file: error.file }));
  return [header, ...error.problems.map((problem) => configProblemText(problem, error.locale))].join('\n');
}
