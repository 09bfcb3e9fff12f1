import { ConfigError } from '../config/config-error.js';
import { localeFromEnv } from '../config/config-locale.js';
import { DeploymentError } from '../config/deployment-error.js';
import type { Locale } from '../i18n/define-messages.js';
import { type Message, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { terminalErrorLines } from '../render/error-text.js';
import type { CliIo } from './cli-io.js';
import {
  type CliCommandName,
  cliCommandNames,
  commandHelpText,
  commandUsageText,
  generalUsageText,
  isCliCommandName,
} from './command-help.js';
import { auditCommand } from './commands/audit-command.js';
import { checkConfigCommand } from './commands/check-config-command.js';
import { completionCommand } from './commands/completion-command.js';
import { diagnoseCommand } from './commands/diagnose-command.js';
import { incidentCommand } from './commands/incident-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { reportCommand } from './commands/report-command.js';
import { serveCommand } from './commands/serve-command.js';
import { sshWrapperCommand } from './commands/ssh-wrapper-command.js';
import { waitReadyCommand } from './commands/wait-ready-command.js';
import { EXIT } from './exit-codes.js';
import { takeLocaleOption } from './locale-option.js';
import { packageVersion } from './package-version.js';
import { parseArgsProblem } from './parse-args-problem.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<CliCommandName, Command> = {
  diagnose: diagnoseCommand,
  'check-config': checkConfigCommand,
  audit: auditCommand,
  report: reportCommand,
  incident: incidentCommand,
  'ssh-wrapper': sshWrapperCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  'wait-ready': waitReadyCommand,
  completion: completionCommand,
};

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs one CLI invocation and returns its exit code; never throws. Usage text and usage errors
 * follow `--locale` or SAMAOPS_LOCALE (French by default): no inventory is read before the
 * arguments are right. `--locale` sets SAMAOPS_LOCALE for the command, so it overrides the
 * inventory's language as that variable does.
 */
export async function runCli(argv: string[], given: CliIo): Promise<number> {
  const option = takeLocaleOption(argv);
  const io = option.locale ? { ...given, env: { ...given.env, SAMAOPS_LOCALE: option.locale } } : given;
  const locale: Locale = localeFromEnv(io.env).locale ?? 'fr';
  if (option.problem) {
    io.stderr.write(
      `${usageProblem(option.problem, locale)}\n${translate(locale, msg('cli.usage.general'))}\n`,
    );
    return EXIT.usage;
  }
  const [name, ...args] = option.argv;
  if (name === undefined) {
    io.stderr.write(`${generalUsageText(locale)}\n`);
    return EXIT.usage;
  }
  if (name === 'help' || HELP_FLAGS.has(name)) {
    io.stdout.write(`${generalUsageText(locale)}\n`);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`samaops ${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (!isCliCommandName(name)) {
    const problem = msg('cli.error.unknownCommand', {
      name: name.slice(0, 40),
      valid: cliCommandNames.join(', '),
    });
    io.stderr.write(`${usageProblem(problem, locale)}\n${translate(locale, msg('cli.usage.general'))}\n`);
    return EXIT.usage;
  }
  // `--` ends the options: a `--help` after it is an argument, not a request for help.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (options.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout.write(`${commandHelpText(name, locale)}\n`);
    return EXIT.ok;
  }
  try {
    return await COMMANDS[name](args, io);
  } catch (error) {
    return reportError(error, name, io, locale);
  }
}

function usageProblem(problem: Message, locale: Locale): string {
  return translate(locale, msg('cli.error.line', { problem }));
}

function reportError(error: unknown, name: CliCommandName, io: CliIo, locale: Locale): number {
  if (error instanceof ConfigError) {
    for (const line of terminalErrorLines(error)) io.stderr.write(`${line}\n`);
    return EXIT.config;
  }
  if (error instanceof DeploymentError) {
    io.stderr.write(`${usageProblem(error.userMessage, locale)}\n`);
    return EXIT.config;
  }
  const problem = error instanceof UsageError ? error.problem : parseArgsProblem(error);
  if (problem) {
    io.stderr.write(`${usageProblem(problem, locale)}\n${commandUsageText(name, locale)}\n`);
    return EXIT.usage;
  }
  const reason = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${translate(locale, msg('cli.error.internal', { reason }))}\n`);
  return EXIT.software;
}
