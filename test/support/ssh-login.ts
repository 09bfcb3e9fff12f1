import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorizedKeysLine } from '../../src/remote/wrapper/authorized-keys.js';
import { generateWrapper, type WrapperOptions } from '../../src/remote/wrapper/generate-wrapper.js';
import { canExecute, ensureLoginUser, LOGIN_USER } from './login-user.js';

/**
 * How the bot logs in to a test server, as docs/servers.md's steps do it in production: as
 * the non-root `samaops`, whose key is `restrict`ed to the forced command samaops-remote generated
 * from the bot's forms table. Root may log in with the same key only where a test asks for it (the
 * lab's comparison option), and then unrestricted, as before least privilege.
 */

/** Where a server keeps its login files, and how its wrapper is generated. */
export interface SshLoginSpec {
  /**
   * Holds samaops-remote and one authorized_keys file per user. sshd reads a user's keys as that
   * user, and runs the forced command as that user: every directory above it must be traversable.
   */
  dir: string;
  /** PATH the forms run with (the session's, test doubles first). */
  path: string;
  /** Unix socket the wrapper's refusals are logged to (a syslog daemon's). Default /dev/log. */
  syslogSocket?: string;
  /** Let root log in too with the same key, unrestricted. Default false. */
  rootLogin?: boolean;
  /** Replaces the generated wrapper's options (a test installs an older wrapper this way). */
  wrapper?: WrapperOptions;
}

/** File layout of a login directory. */
export function sshLoginPaths(dir: string) {
  return {
    wrapper: join(dir, 'samaops-remote'),
    /** sshd's AuthorizedKeysFile pattern: `%u` is the user logging in. */
    authorizedKeysPattern: join(dir, 'authorized_keys.%u'),
    authorizedKeys: (user: string) => join(dir, `authorized_keys.${user}`),
  };
}

/** Writes the wrapper and the authorized_keys files for `publicKeyPath`'s key; returns the wrapper's path. */
export function writeSshLogin(spec: SshLoginSpec, publicKeyPath: string): string {
  ensureLoginUser();
  const paths = sshLoginPaths(spec.dir);
  mkdirSync(spec.dir, { recursive: true });
  chmodSync(spec.dir, 0o755);
  installWrapper(spec.dir, { path: spec.path, syslogSocket: spec.syslogSocket, ...spec.wrapper });
  const publicKey = readFileSync(publicKeyPath, 'utf8');
  writeFileSync(
    paths.authorizedKeys(LOGIN_USER),
    `${authorizedKeysLine({ publicKey, command: paths.wrapper })}\n`,
    { mode: 0o644 },
  );
  setRootLogin(spec.dir, publicKeyPath, spec.rootLogin ?? false);
  if (!canExecute(LOGIN_USER, paths.wrapper)) {
    throw new Error(
      `${LOGIN_USER} cannot run ${paths.wrapper}: make every directory above it traversable (chmod o+x)`,
    );
  }
  return paths.wrapper;
}

/** (Re)writes samaops-remote in a login directory, e.g. an older one for the drift check. */
export function installWrapper(dir: string, options: WrapperOptions): void {
  const { wrapper } = sshLoginPaths(dir);
  const staged = `${wrapper}.new`;
  writeFileSync(staged, generateWrapper(options), { mode: 0o755 });
  // A rename: a session starting meanwhile runs the old file or the new one, never half of one.
  renameSync(staged, wrapper);
}

/** Lets root log in with the key, unrestricted (the lab's comparison option), or stops it. */
export function setRootLogin(dir: string, publicKeyPath: string, enabled: boolean): void {
  const file = sshLoginPaths(dir).authorizedKeys('root');
  if (enabled) writeFileSync(file, readFileSync(publicKeyPath), { mode: 0o600 });
  else rmSync(file, { force: true });
}
