/** The files of one log glob, for find: its directory, and its file-name part as `-name` (never a shell glob). */
const logFileSearch = [
  'find',
  '<logDirectory>',
  '-maxdepth',
  '1',
  '-type',
  'f',
  '-name',
  '<logFilePattern>',
] as const;

/**
 * Every command samaops runs over SSH, in its fixed form: the one source of truth of what the bot
 * sends (remote-commands.ts fills these templates) and of what a server accepts (samaops-remote,
 * the forced command generated from this table by `samaops ssh-wrapper`). In a word, `<part>` is
 * one validated value of a part named in formParts; a word `<part>...` is one or more of them, one
 * argument each, and only ends a form. Each runs as `timeout -k 5 <seconds> <form>`
 * (remoteTimeoutPrefix).
 */
export const remoteCommandForms = {
  'host.true': ['true'],
  'wrapper.version': ['samaops-remote', '--version'],
  'disk.df': ['df', '-P', '--', '<mountPoint>...'],
  'docker.ps': ['docker', 'ps', '-a', '--format', '{{json .}}'],
  'docker.restart_counts': ['docker', 'inspect', '--format', '{{.Name}} {{.RestartCount}}', '<container>...'],
  'docker.restart': ['docker', 'restart', '<container>'],
  'docker.logs': ['docker', 'logs', '--tail', '<lines>', '<container>'],
  'docker.image_prune': ['docker', 'image', 'prune', '-af', '--filter', 'until=<hours>h'],
  'docker.compose_scale': [
    'docker',
    'compose',
    '-f',
    '<composeFile>',
    'up',
    '-d',
    '--scale',
    '<service>=<replicas>',
    '<service>',
  ],
  'journald.vacuum': ['journalctl', '--vacuum-time=<journalDays>d'],
  'logs.count_errors': [...logFileSearch, '-exec', 'grep', '-c', '-H', '-E', 'ERROR|CRITICAL', '{}', '+'],
  'files.old_backups': [
    'find',
    '<backupDirectory>',
    '-type',
    'f',
    '-mtime',
    '+<ageDays>',
    '-printf',
    '%s\\n',
  ],
  'logs.old_uncompressed': [...logFileSearch, '-mtime', '+<ageDays>', '-printf', '%s\\n'],
  'accounts.passwd': ['getent', 'passwd'],
  'files.backup_times': ['find', '<backupDirectory>', '-type', 'f', '-printf', '%T@\\n'],
  'apt.upgradable': ['apt', 'list', '--upgradable'],
  'logs.gzip_old': [
    ...logFileSearch,
    '-mtime',
    '+<ageDays>',
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
    '+<ageDays>',
    '-delete',
    '-printf',
    '%s\\n',
  ],
  'auth.failed_logins': ['grep', '-c', '-E', 'Failed password|authentication failure', '--', '<authLog>'],
} as const satisfies Record<string, readonly string[]>;

/** Name of one fixed command form. */
export type RemoteCommandForm = keyof typeof remoteCommandForms;

/** The prefix of every command line: a remote time limit, then KILL 5 s later. */
export const remoteTimeoutPrefix = ['timeout', '-k', '5', '<seconds>'] as const;

/**
 * The rule one variable part must pass, on the bot and again on the server: `name` is the
 * inventory's identifier, `path` its safe absolute path, `filePattern` the file-name part of its
 * log globs (config/identifiers.ts), `integer` a whole number written without leading zeros.
 */
export type PartRule =
  | { kind: 'name' }
  | { kind: 'path' }
  | { kind: 'filePattern' }
  | { kind: 'integer'; min: number; max: number };

/** Every variable part of the forms and of remoteTimeoutPrefix, with its rule. */
export const formParts = {
  seconds: { kind: 'integer', min: 1, max: 86_400 },
  mountPoint: { kind: 'path' },
  container: { kind: 'name' },
  lines: { kind: 'integer', min: 1, max: 10_000 },
  hours: { kind: 'integer', min: 1, max: 8760 },
  composeFile: { kind: 'path' },
  service: { kind: 'name' },
  replicas: { kind: 'integer', min: 0, max: 100 },
  journalDays: { kind: 'integer', min: 1, max: 365 },
  logDirectory: { kind: 'path' },
  logFilePattern: { kind: 'filePattern' },
  backupDirectory: { kind: 'path' },
  ageDays: { kind: 'integer', min: 1, max: 3650 },
  authLog: { kind: 'path' },
} as const satisfies Record<string, PartRule>;

/** Name of one variable part. */
export type FormPart = keyof typeof formParts;

/** How the bot reads one form's output, and what the form needs on the server (see remoteFormTraits). */
export interface RemoteFormTraits {
  /** The form changes the server. */
  mutates: boolean;
  /** `numbers`: stdout is one number a line, folded as it streams (RemoteOutput.numbers). */
  stdout: 'text' | 'numbers';
  /**
   * The form needs root: samaops-remote runs it through `sudo -n` when the login is not root, and
   * `samaops ssh-wrapper --sudoers` prints the exact rules that allow it.
   */
  privileged: boolean;
}

const reads = { mutates: false, stdout: 'text', privileged: false } as const;

/**
 * Each form's traits. A form that mutates, or whose stdout is numbers, is never stopped for the
 * size of its output: stopping would cut a deletion or a gzip run in half, or turn a count into a
 * partial one. Its output past the cap is dropped (flagged `truncated`) while it runs to its end,
 * within its time budget; numbers are counted whole. Other forms are stopped at the cap.
 */
export const remoteFormTraits = {
  'host.true': reads,
  'wrapper.version': reads,
  'disk.df': reads,
  'docker.ps': reads,
  'docker.restart_counts': reads,
  'docker.restart': { mutates: true, stdout: 'text', privileged: false },
  'docker.logs': reads,
  'docker.image_prune': { mutates: true, stdout: 'text', privileged: false },
  'docker.compose_scale': { mutates: true, stdout: 'text', privileged: false },
  'journald.vacuum': { mutates: true, stdout: 'text', privileged: true },
  'logs.count_errors': reads,
  'files.old_backups': { mutates: false, stdout: 'numbers', privileged: false },
  'logs.old_uncompressed': { mutates: false, stdout: 'numbers', privileged: false },
  'accounts.passwd': reads,
  'files.backup_times': { mutates: false, stdout: 'numbers', privileged: false },
  'apt.upgradable': reads,
  'logs.gzip_old': { mutates: true, stdout: 'text', privileged: true },
  'files.delete_old_backups': { mutates: true, stdout: 'numbers', privileged: true },
  'auth.failed_logins': reads,
} as const satisfies Record<RemoteCommandForm, RemoteFormTraits>;

/** The part names in one word template: `'<service>=<replicas>'` → `'service' | 'replicas'`. */
type PartsIn<Word extends string> = Word extends `${string}<${infer Part}>${infer Rest}`
  ? Part | PartsIn<Rest>
  : never;

/** The part of a word `<part>...` (one or more arguments). */
type RepeatedPartIn<Word extends string> = Word extends `<${infer Part}>...` ? Part : never;

type WordsOf<Form extends RemoteCommandForm> = (typeof remoteCommandForms)[Form][number];

/** The values a form's template needs: one per part, a non-empty list for a repeated part. */
export type FormValues<Form extends RemoteCommandForm> = {
  [Part in PartsIn<WordsOf<Form>>]: Part extends RepeatedPartIn<WordsOf<Form>>
    ? readonly string[]
    : string | number;
};
