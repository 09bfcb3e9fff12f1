import { execFileSync } from 'node:child_process';

/**
 * The non-root login the bot uses on every test and lab server, as in production: `samaops`, in
 * the `docker` group, with /bin/sh as its shell. The test servers share this machine's accounts,
 * so the account is the machine's; it is created once and kept (an account is cheap, and removing
 * one while a session of it runs is not).
 */

/** The bot's login on the test and lab servers. */
export const LOGIN_USER = 'samaops';
/** The group that may use the Docker daemon (the lab's double checks it like the real socket). */
export const DOCKER_GROUP = 'docker';

/** A password field that locks no one out: sshd without PAM refuses an account whose field starts with `!`. */
const NO_PASSWORD = '*';

function exists(database: 'passwd' | 'group', name: string): boolean {
  try {
    execFileSync('getent', [database, name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `create` unless `present()` holds; test files run in parallel processes, so another one may
 * create it in between: that failure is fine as long as it exists afterwards.
 */
function ensure(present: () => boolean, create: () => void): void {
  if (present()) return;
  try {
    create();
  } catch (error) {
    if (!present()) throw error;
  }
}

/** Creates the docker group and the samaops account when missing (as root); idempotent. */
export function ensureLoginUser(): void {
  ensure(
    () => exists('group', DOCKER_GROUP),
    () => execFileSync('groupadd', ['--system', DOCKER_GROUP], { stdio: 'pipe' }),
  );
  ensure(
    () => exists('passwd', LOGIN_USER),
    () =>
      execFileSync(
        'useradd',
        [
          '--system',
          '--create-home',
          '--home-dir',
          `/var/lib/${LOGIN_USER}`,
          '--shell',
          '/bin/sh',
          '--groups',
          DOCKER_GROUP,
          '--password',
          NO_PASSWORD,
          LOGIN_USER,
        ],
        { stdio: 'pipe' },
      ),
  );
  const groups = execFileSync('id', ['-nG', LOGIN_USER], { encoding: 'utf8' }).split(/\s+/);
  if (!groups.includes(DOCKER_GROUP)) execFileSync('usermod', ['-aG', DOCKER_GROUP, LOGIN_USER]);
}

/** Numeric uid and gid of a group or user, for chown. */
export function idOf(kind: 'user' | 'group', name: string): number {
  const database = kind === 'user' ? 'passwd' : 'group';
  const line = execFileSync('getent', [database, name], { encoding: 'utf8' });
  return Number(line.split(':')[2]);
}

/** True when `user` may execute `path` (every directory above it traversable), checked as that user. */
export function canExecute(user: string, path: string): boolean {
  try {
    execFileSync('runuser', ['-u', user, '--', 'test', '-x', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
