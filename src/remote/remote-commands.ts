import type { z } from 'zod';
import { identifier, type Server, safeAbsolutePath, safeGlob } from '../config/schema.js';
import { validationText } from '../i18n/translate.js';
import { fillForm } from './fill-form.js';
import { RemoteError } from './remote-error.js';
import type { FormValues, RemoteCommandForm } from './remote-forms.js';

export type { RemoteCommandForm, RemoteFormTraits } from './remote-forms.js';
export { remoteCommandForms, remoteFormTraits, remoteTimeoutPrefix } from './remote-forms.js';

declare const built: unique symbol;

/** A command built by one of the functions below from validated, allow-listed arguments only. */
export interface RemoteCommand {
  form: RemoteCommandForm;
  /** The argument vector, without the timeout prefix. */
  argv: readonly string[];
  readonly [built]: true;
}

/**
 * The command of `form` with `values` in its template (remote-forms.ts): the only place an argument
 * vector is made. Each value passes its part's rule here too, the rule samaops-remote holds it to on
 * the server, so the bot never sends what the server would refuse.
 */
function command<Form extends RemoteCommandForm>(
  form: Form,
  values: FormValues<Form>,
  server?: Server,
): RemoteCommand {
  const filled = fillForm(form, values);
  if ('argv' in filled) return { form, argv: filled.argv } as unknown as RemoteCommand;
  const where = server?.name ?? 'any server';
  const shown = JSON.stringify(filled.value)?.slice(0, 80) ?? String(filled.value);
  throw new RemoteError(
    'REMOTE_ARGUMENT_REFUSED',
    where,
    `${filled.part} ${shown} refused on ${where}: ${filled.problem}`,
  );
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
  if (!parsed.success)
    refuse(server, what, value, validationText(parsed.error.issues[0]?.message ?? 'invalid'));
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
  return command('host.true', {});
}

/** Asks the server's forced command (samaops-remote) for its version and forms hash. */
export function wrapperVersion(): RemoteCommand {
  return command('wrapper.version', {});
}

/** `df -P` over mount points from the server's `mountPoints`. */
export function diskUsage(server: Server, mountPoints: readonly string[]): RemoteCommand {
  const mounts = nonEmpty(server, 'mountPoints', mountPoints).map((mount) =>
    allowed(server, 'mountPoints', safeAbsolutePath, mount, server.mountPoints),
  );
  return command('disk.df', { mountPoint: mounts }, server);
}

/** Every container of the Docker engine, one JSON object per line. */
export function dockerPs(): RemoteCommand {
  return command('docker.ps', {});
}

/** `/name count` lines for containers from the server's `containers`. */
export function dockerRestartCounts(server: Server, containers: readonly string[]): RemoteCommand {
  const names = nonEmpty(server, 'containers', containers).map((name) =>
    allowed(server, 'containers', identifier, name, server.containers),
  );
  return command('docker.restart_counts', { container: names }, server);
}

/** Restarts one container from the server's `containers`. */
export function dockerRestart(server: Server, container: string): RemoteCommand {
  const name = allowed(server, 'containers', identifier, container, server.containers);
  return command('docker.restart', { container: name }, server);
}

/** The last `lines` (1..10000) log lines of one container from the server's `containers`. */
export function dockerLogs(server: Server, container: string, lines: number): RemoteCommand {
  const name = allowed(server, 'containers', identifier, container, server.containers);
  return command('docker.logs', { container: name, lines }, server);
}

/**
 * `find DIR -maxdepth 1 -type f -name PATTERN` for one glob from the server's `logGlobs`. The glob
 * is never expanded by a shell: its directory is find's start point and its file name part is
 * find's `-name` pattern, so `*` and `?` only ever match file names in that one directory.
 */
function logFiles(server: Server, glob: string): { logDirectory: string; logFilePattern: string } {
  const valid = allowed(server, 'logGlobs', safeGlob, glob, server.logGlobs);
  const slash = valid.lastIndexOf('/');
  const pattern = valid.slice(slash + 1);
  if (pattern === '') refuse(server, 'logGlobs', glob, 'must name files, not a directory');
  return { logDirectory: valid.slice(0, slash) || '/', logFilePattern: pattern };
}

/** Counts ERROR|CRITICAL lines per file matched by one glob from the server's `logGlobs` (see logFiles). */
export function countLogErrors(server: Server, glob: string): RemoteCommand {
  return command('logs.count_errors', logFiles(server, glob), server);
}

/**
 * Sizes (one per line, bytes) of the files under a backup directory last modified more than
 * `days` (1..3650) ago; the directory must be one of `allowedDirectories` (the inventory's
 * `reports.backups` for this server).
 */
export function oldBackupFiles(
  server: Server,
  directory: string,
  allowedDirectories: readonly string[],
  days: number,
): RemoteCommand {
  const valid = allowed(server, 'reports.backups', safeAbsolutePath, directory, allowedDirectories);
  return command('files.old_backups', { backupDirectory: valid, ageDays: days }, server);
}

/** The account database (`getent passwd`): the monthly report lists accounts with uid ≥ 1000. */
export function accountsPasswd(): RemoteCommand {
  return command('accounts.passwd', {});
}

/** Modification times (epoch seconds) of the files under a configured backup directory: the newest one's age. */
export function backupFileTimes(
  server: Server,
  directory: string,
  allowedDirectories: readonly string[],
): RemoteCommand {
  const valid = allowed(server, 'reports.backups', safeAbsolutePath, directory, allowedDirectories);
  return command('files.backup_times', { backupDirectory: valid }, server);
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
  return command('files.delete_old_backups', { backupDirectory: valid, ageDays: days }, server);
}

/**
 * MUTATING: gzips the files of one of the server's `logGlobs` older than `days`. stdout has each
 * file's size and path (`SIZE PATH`), stderr gzip's `PATH:  85.3% -- replaced with PATH.gz` for
 * each one compressed: they are paired by path, so a file gzip refused counts for nothing. With
 * `-exec … +`, find exits non-zero when a gzip run failed.
 */
export function gzipOldLogs(server: Server, glob: string, days: number): RemoteCommand {
  return command('logs.gzip_old', { ...logFiles(server, glob), ageDays: days }, server);
}

/** Packages with a pending upgrade (`apt list --upgradable`), read-only: the monthly report counts them. */
export function aptUpgradable(): RemoteCommand {
  return command('apt.upgradable', {});
}

/** Failed logins in the auth log named by the inventory (`reports.authLog`), counted by grep. */
export function failedLogins(server: Server, authLog: string, configured: string): RemoteCommand {
  const valid = allowed(server, 'reports.authLog', safeAbsolutePath, authLog, [configured]);
  return command('auth.failed_logins', { authLog: valid }, server);
}

/**
 * Sizes of the files matched by one of the server's `logGlobs` (so not yet gzipped) last modified
 * more than `days` ago; the glob is split as in countLogErrors, never expanded by a shell.
 */
export function oldUncompressedLogs(server: Server, glob: string, days: number): RemoteCommand {
  return command('logs.old_uncompressed', { ...logFiles(server, glob), ageDays: days }, server);
}

/** `docker image prune -af --filter until=<hours>h`: unused images older than `hours` (1..8760). */
export function dockerImagePrune(server: Server, hours: number): RemoteCommand {
  return command('docker.image_prune', { hours }, server);
}

/** `journalctl --vacuum-time=<days>d`: journald keeps `days` (1..365) days of logs. */
export function journaldVacuum(server: Server, days: number): RemoteCommand {
  return command('journald.vacuum', { journalDays: days }, server);
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
  return command(
    'docker.compose_scale',
    { composeFile: entry.composeFile, service: name, replicas: count },
    server,
  );
}
