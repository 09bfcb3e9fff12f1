import type { z } from 'zod';
import { identifier, type Server, safeAbsolutePath, safeGlob } from '../config/schema.js';
import { RemoteError } from './remote-error.js';

/**
 * Every command samaops runs over SSH, in its fixed form. `<name>` is one validated argument,
 * `<name>...` one or more. This table is the allow-list a server-side forced-command wrapper
 * (authorized_keys `command=`) can enforce: nothing else is ever sent. Each runs as
 * `timeout -k 5 <seconds> <form>` (see remoteCommandLine).
 */
export const remoteCommandForms = {
  'host.true': ['true'],
  'disk.df': ['df', '-P', '--', '<mountPoint>...'],
  'docker.ps': ['docker', 'ps', '-a', '--format', '{{json .}}'],
  'docker.restart_counts': ['docker', 'inspect', '--format', '{{.Name}} {{.RestartCount}}', '<container>...'],
  'docker.restart': ['docker', 'restart', '<container>'],
  'docker.logs': ['docker', 'logs', '--tail', '<lines>', '<container>'],
  'docker.image_prune': ['docker', 'image', 'prune', '-af', '--filter', '<until=Nh>'],
  'docker.compose_scale': [
    'docker',
    'compose',
    '-f',
    '<composeFile>',
    'up',
    '-d',
    '--scale',
    '<service=N>',
    '<service>',
  ],
  'journald.vacuum': ['journalctl', '<--vacuum-time=Nd>'],
  'logs.count_errors': [
    'find',
    '<logDirectory>',
    '-maxdepth',
    '1',
    '-type',
    'f',
    '-name',
    '<logFilePattern>',
    '-exec',
    'grep',
    '-c',
    '-H',
    '-E',
    'ERROR|CRITICAL',
    '{}',
    '+',
  ],
  'files.old_backups': ['find', '<backupDirectory>', '-type', 'f', '-mtime', '<+days>', '-printf', '%s\\n'],
  'logs.old_uncompressed': [
    'find',
    '<logDirectory>',
    '-maxdepth',
    '1',
    '-type',
    'f',
    '-name',
    '<logFilePattern>',
    '-mtime',
    '<+days>',
    '-printf',
    '%s\\n',
  ],
  'accounts.passwd': ['getent', 'passwd'],
  'files.backup_times': ['find', '<backupDirectory>', '-type', 'f', '-printf', '%T@\\n'],
  'apt.upgradable': ['apt', 'list', '--upgradable'],
  'logs.gzip_old': [
    'find',
    '<logDirectory>',
    '-maxdepth',
    '1',
    '-type',
    'f',
    '-name',
    '<logFilePattern>',
    '-mtime',
    '<+days>',
    '-printf',
    '%s %p\\n',
    '-exec',
    'gzip',
    '-v',
    '--',
    '{}',
    '+',
  ],
  'files.delete_old_backups': [
    'find',
    '<backupDirectory>',
    '-type',
    'f',
    '-mtime',
    '<+days>',
    '-delete',
    '-printf',
    '%s\\n',
  ],
  'auth.failed_logins': ['grep', '-c', '-E', 'Failed password|authentication failure', '--', '<authLog>'],
} as const satisfies Record<string, readonly string[]>;

/** How the bot reads one form's output (see remoteFormTraits). */
export interface RemoteFormTraits {
  /** The form changes the server. */
  mutates: boolean;
  /** `numbers`: stdout is one number a line, folded as it streams (RemoteOutput.numbers). */
  stdout: 'text' | 'numbers';
}

/**
 * Each form's traits. A form that mutates, or whose stdout is numbers, is never stopped for the
 * size of its output: stopping would cut a deletion or a gzip run in half, or turn a count into a
 * partial one. Its output past the cap is dropped (flagged `truncated`) while it runs to its end,
 * within its time budget; numbers are counted whole. Other forms are stopped at the cap.
 */
export const remoteFormTraits = {
  'host.true': { mutates: false, stdout: 'text' },
  'disk.df': { mutates: false, stdout: 'text' },
  'docker.ps': { mutates: false, stdout: 'text' },
  'docker.restart_counts': { mutates: false, stdout: 'text' },
  'docker.restart': { mutates: true, stdout: 'text' },
  'docker.logs': { mutates: false, stdout: 'text' },
  'docker.image_prune': { mutates: true, stdout: 'text' },
  'docker.compose_scale': { mutates: true, stdout: 'text' },
  'journald.vacuum': { mutates: true, stdout: 'text' },
  'logs.count_errors': { mutates: false, stdout: 'text' },
  'files.old_backups': { mutates: false, stdout: 'numbers' },
  'logs.old_uncompressed': { mutates: false, stdout: 'numbers' },
  'accounts.passwd': { mutates: false, stdout: 'text' },
  'files.backup_times': { mutates: false, stdout: 'numbers' },
  'apt.upgradable': { mutates: false, stdout: 'text' },
  'logs.gzip_old': { mutates: true, stdout: 'text' },
  'files.delete_old_backups': { mutates: true, stdout: 'numbers' },
  'auth.failed_logins': { mutates: false, stdout: 'text' },
} as const satisfies Record<RemoteCommandForm, RemoteFormTraits>;

/** The prefix of every command line: a remote time limit, then KILL 5 s later. */
export const remoteTimeoutPrefix = ['timeout', '-k', '5', '<seconds>'] as const;

/** Name of one fixed command form. */
export type RemoteCommandForm = keyof typeof remoteCommandForms;

declare const built: unique symbol;

/** A command built by one of the functions below from validated, allow-listed arguments only. */
export interface RemoteCommand {
  form: RemoteCommandForm;
  /** The argument vector, without the timeout prefix. */
  argv: readonly string[];
  readonly [built]: true;
}

function command(form: RemoteCommandForm, argv: string[]): RemoteCommand {
  return { form, argv } as unknown as RemoteCommand;
}

function refuse(server: Server, what: string, value: unknown, why: string): never {
  const shown = JSON.stringify(value)?.slice(0, 80) ?? String(value);
  throw new RemoteError(
    'REMOTE_ARGUMENT_REFUSED',
    server.name,
    `${what} ${shown} refused on ${server.name}: ${why}`,
  );
}

/** Re-validates one argument with the inventory's own rule and its server's allow-list. */
function allowed(
  server: Server,
  what: string,
  schema: z.ZodType<string>,
  value: unknown,
  list: readonly string[],
) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) refuse(server, what, value, parsed.error.issues[0]?.message ?? 'invalid');
  if (!list.includes(parsed.data))
    refuse(server, what, value, `not in the inventory's ${what} list for this server`);
  return parsed.data;
}

function nonEmpty<T>(server: Server, what: string, values: readonly T[]): readonly T[] {
  if (values.length === 0) refuse(server, what, [], 'at least one is needed');
  return values;
}

/** A no-op round trip: proves the login and a session work. */
export function hostTrue(): RemoteCommand {
  return command('host.true', ['true']);
}

/** `df -P` over mount points from the server's `mountPoints`. */
export function diskUsage(server: Server, mountPoints: readonly string[]): RemoteCommand {
  const mounts = nonEmpty(server, 'mountPoints', mountPoints).map((mount) =>
    allowed(server, 'mountPoints', safeAbsolutePath, mount, server.mountPoints),
  );
  return command('disk.df', ['df', '-P', '--', ...mounts]);
}

/** Every container of the Docker engine, one JSON object per line. */
export function dockerPs(): RemoteCommand {
  return command('docker.ps', ['docker', 'ps', '-a', '--format', '{{json .}}']);
}

/** `/name count` lines for containers from the server's `containers`. */
export function dockerRestartCounts(server: Server, containers: readonly string[]): RemoteCommand {
  const names = nonEmpty(server, 'containers', containers).map((name) =>
    allowed(server, 'containers', identifier, name, server.containers),
  );
  return command('docker.restart_counts', [
    'docker',
    'inspect',
    '--format',
    '{{.Name}} {{.RestartCount}}',
    ...names,
  ]);
}

/** Restarts one container from the server's `containers`. */
export function dockerRestart(server: Server, container: string): RemoteCommand {
  return command('docker.restart', [
    'docker',
    'restart',
    allowed(server, 'containers', identifier, container, server.containers),
  ]);
}

/** The last `lines` (1..10000) log lines of one container from the server's `containers`. */
export function dockerLogs(server: Server, container: string, lines: number): RemoteCommand {
  const name = allowed(server, 'containers', identifier, container, server.containers);
  if (!Number.isInteger(lines) || lines < 1 || lines > 10_000)
    refuse(server, 'lines', lines, 'an integer 1..10000');
  return command('docker.logs', ['docker', 'logs', '--tail', String(lines), name]);
}

/**
 * `find DIR -maxdepth 1 -type f -name PATTERN` for one glob from the server's `logGlobs`. The glob
 * is never expanded by a shell: its directory is find's start point and its file name part is
 * find's `-name` pattern, so `*` and `?` only ever match file names in that one directory.
 */
function findLogFiles(server: Server, glob: string): string[] {
  const valid = allowed(server, 'logGlobs', safeGlob, glob, server.logGlobs);
  const slash = valid.lastIndexOf('/');
  const pattern = valid.slice(slash + 1);
  if (pattern === '') refuse(server, 'logGlobs', glob, 'must name files, not a directory');
  return ['find', valid.slice(0, slash) || '/', '-maxdepth', '1', '-type', 'f', '-name', pattern];
}

/** Counts ERROR|CRITICAL lines per file matched by one glob from the server's `logGlobs` (see findLogFiles). */
export function countLogErrors(server: Server, glob: string): RemoteCommand {
  return command('logs.count_errors', [
    ...findLogFiles(server, glob),
    '-exec',
    'grep',
    '-c',
    '-H',
    '-E',
    'ERROR|CRITICAL',
    '{}',
    '+',
  ]);
}

/** A whole number of days for find's `-mtime +N`, 1..3650. */
function mtimeDays(server: Server, days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > 3650) refuse(server, 'days', days, 'an integer 1..3650');
  return `+${days}`;
}

/**
 * Sizes (one per line, bytes) of the files under a backup directory last modified more than
 * `days` ago; the directory must be one of `allowedDirectories` (the inventory's `reports.backups` for this server).
 */
export function oldBackupFiles(
  server: Server,
  directory: string,
  allowedDirectories: readonly string[],
  days: number,
): RemoteCommand {
  const valid = allowed(server, 'reports.backups', safeAbsolutePath, directory, allowedDirectories);
  return command('files.old_backups', [
    'find',
    valid,
    '-type',
    'f',
    '-mtime',
    mtimeDays(server, days),
    '-printf',
    '%s\\n',
  ]);
}

/** The account database (`getent passwd`): the monthly report lists accounts with uid ≥ 1000. */
export function accountsPasswd(): RemoteCommand {
  return command('accounts.passwd', ['getent', 'passwd']);
}

/** Modification times (epoch seconds) of the files under a configured backup directory: the newest one's age. */
export function backupFileTimes(
  server: Server,
  directory: string,
  allowedDirectories: readonly string[],
): RemoteCommand {
  const valid = allowed(server, 'reports.backups', safeAbsolutePath, directory, allowedDirectories);
  return command('files.backup_times', ['find', valid, '-type', 'f', '-printf', '%T@\\n']);
}

/**
 * MUTATING: deletes the files under a configured backup directory older than `days`, printing the
 * size of each one deleted: `-printf` follows `-delete`, so a file whose deletion failed is not
 * counted as freed (find reports it on stderr and exits 1). Same validation as oldBackupFiles.
 */
export function deleteOldBackupFiles(
  server: Server,
  directory: string,
  allowedDirectories: readonly string[],
  days: number,
): RemoteCommand {
  const valid = allowed(server, 'reports.backups', safeAbsolutePath, directory, allowedDirectories);
  return command('files.delete_old_backups', [
    'find',
    valid,
    '-type',
    'f',
    '-mtime',
    mtimeDays(server, days),
    '-delete',
    '-printf',
    '%s\\n',
  ]);
}

/**
 * MUTATING: gzips the files of one of the server's `logGlobs` older than `days`. stdout has each
 * file's size and path (`SIZE PATH`), stderr gzip's `PATH:  85.3% -- replaced with PATH.gz` for
 * each one compressed: they are paired by path, so a file gzip refused counts for nothing. With
 * `-exec … +`, find exits non-zero when a gzip run failed.
 */
export function gzipOldLogs(server: Server, glob: string, days: number): RemoteCommand {
  return command('logs.gzip_old', [
    ...findLogFiles(server, glob),
    '-mtime',
    mtimeDays(server, days),
    '-printf',
    '%s %p\\n',
    '-exec',
    'gzip',
    '-v',
    '--',
    '{}',
    '+',
  ]);
}

/** Packages with a pending upgrade (`apt list --upgradable`), read-only: the monthly report counts them. */
export function aptUpgradable(): RemoteCommand {
  return command('apt.upgradable', ['apt', 'list', '--upgradable']);
}

/** Failed logins in the auth log named by the inventory (`reports.authLog`), counted by grep. */
export function failedLogins(server: Server, authLog: string, configured: string): RemoteCommand {
  const valid = allowed(server, 'reports.authLog', safeAbsolutePath, authLog, [configured]);
  return command('auth.failed_logins', [
    'grep',
    '-c',
    '-E',
    'Failed password|authentication failure',
    '--',
    valid,
  ]);
}

/**
 * Sizes of the files matched by one of the server's `logGlobs` (so not yet gzipped) last modified
 * more than `days` ago; the glob is split as in countLogErrors, never expanded by a shell.
 */
export function oldUncompressedLogs(server: Server, glob: string, days: number): RemoteCommand {
  return command('logs.old_uncompressed', [
    ...findLogFiles(server, glob),
    '-mtime',
    mtimeDays(server, days),
    '-printf',
    '%s\\n',
  ]);
}

/** `docker image prune -af --filter until=<hours>h`: unused images older than `hours` (1..8760). */
export function dockerImagePrune(server: Server, hours: number): RemoteCommand {
  if (!Number.isInteger(hours) || hours < 1 || hours > 8760)
    refuse(server, 'hours', hours, 'an integer 1..8760');
  return command('docker.image_prune', ['docker', 'image', 'prune', '-af', '--filter', `until=${hours}h`]);
}

/** `journalctl --vacuum-time=<days>d`: journald keeps `days` (1..365) days of logs. */
export function journaldVacuum(server: Server, days: number): RemoteCommand {
  if (!Number.isInteger(days) || days < 1 || days > 365) refuse(server, 'days', days, 'an integer 1..365');
  return command('journald.vacuum', ['journalctl', `--vacuum-time=${days}d`]);
}

/** One compose service that may be scaled, with its file and bounds (from the inventory). */
export interface ScalableService {
  service: string;
  composeFile: string;
  min: number;
  max: number;
}

/**
 * `docker compose -f FILE up -d --scale SERVICE=N SERVICE`: the trailing service name keeps compose
 * from touching the file's other services. File, service and count must match one allowed entry.
 */
export function dockerComposeScale(
  server: Server,
  scalable: readonly ScalableService[],
  service: string,
  count: number,
): RemoteCommand {
  const name = allowed(
    server,
    'scale services',
    identifier,
    service,
    scalable.map((each) => each.service),
  );
  const entry = scalable.find((each) => each.service === name);
  if (!entry) return refuse(server, 'scale services', service, 'not scalable');
  const file = safeAbsolutePath.safeParse(entry.composeFile);
  if (!file.success) refuse(server, 'composeFile', entry.composeFile, 'not a safe absolute path');
  if (!Number.isInteger(count) || count < entry.min || count > entry.max)
    refuse(server, 'count', count, `an integer ${entry.min}..${entry.max}`);
  return command('docker.compose_scale', [
    'docker',
    'compose',
    '-f',
    entry.composeFile,
    'up',
    '-d',
    '--scale',
    `${name}=${count}`,
    name,
  ]);
}
