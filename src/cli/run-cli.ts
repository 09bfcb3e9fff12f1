import { ConfigError } from '../config/config-error.js';
import { DeploymentError } from '../config/deployment-error.js';
import { terminalErrorLines } from '../render/error-text.js';
import type { CliIo } from './cli-io.js';
import { auditCommand } from './commands/audit-command.js';
import { checkConfigCommand } from './commands/check-config-command.js';
import { diagnoseCommand } from './commands/diagnose-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { reportCommand } from './commands/report-command.js';
import { serveCommand } from './commands/serve-command.js';
import { sshWrapperCommand } from './commands/ssh-wrapper-command.js';
import { waitReadyCommand } from './commands/wait-ready-command.js';
import { EXIT } from './exit-codes.js';
import { packageVersion } from './package-version.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  diagnose: diagnoseCommand,
  'check-config': checkConfigCommand,
  audit: auditCommand,
  report: reportCommand,
  'ssh-wrapper': sshWrapperCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  'wait-ready': waitReadyCommand,
};

const USAGE = `usage: samaops <command> [options]
commands:
  serve [--script LINES]                         run the bot: SAMAOPS_MODE=socket|http|console (docs/configuration.md)
  migrate                                        apply the bot database's pending migrations (DATABASE_URL) and name them
  wait-ready [--url URL] [--timeout SECONDS]     wait until the bot's /ready answers 200 (default http://127.0.0.1:$PORT/ready)
  diagnose [playbook] [--json] [--config FILE]   run checks (playbooks: all, api, notifications, db, disk, redis)
  check-config [--config FILE]                   validate the inventory and summarise it
  audit verify | audit [n]                       check the audit log's hash chain, or show its newest n entries (DATABASE_URL)
  report daily|weekly|monthly [--json]           produce a maintenance report now (stored and compared when DATABASE_URL is set)
  ssh-wrapper                                    print samaops-remote, the forced command of the bot's key on each server
  ssh-wrapper --authorized-keys --public-key FILE [--from ADDRESSES]   print the key's authorized_keys line
  ssh-wrapper --sudoers [--server NAME] [--config FILE]                 print one server's sudo rules
  ssh-wrapper --version                          print the version and forms hash the servers should report
  --version                                      print samaops's version
exit codes: 0 ok, 1 warn, 2 fail, 3 unknown, 64 usage error, 69 unavailable, 70 internal error, 78 configuration error`;

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`samaops ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`samaops: unknown command "${name}"; valid: ${Object.keys(COMMANDS).join(', ')}\n`);
    return EXIT.usage;
  }
  try {
    return await command(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof ConfigError) {
    for (const line of terminalErrorLines(error)) io.stderr.write(`${line}\n`);
    return EXIT.config;
  }
  if (error instanceof DeploymentError) {
    io.stderr.write(`samaops: ${error.message}\n`);
    return EXIT.config;
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`samaops: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  io.stderr.write(`samaops: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.software;
}
