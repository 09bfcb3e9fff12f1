import { safeAbsolutePath } from '../../config/identifiers.js';
import { WRAPPER_INSTALL_PATH } from './generate-wrapper.js';

/** An OpenSSH public key line: its type, its base64 body, an optional comment. */
const PUBLIC_KEY = /^((?:ssh|ecdsa|sk-ssh|sk-ecdsa)-[A-Za-z0-9@.-]+) ([A-Za-z0-9+/]+={0,3})(?: .*)?$/;

/** A `from=` list: address or host patterns, CIDR ranges, `!` negations, comma-separated. */
const FROM = /^!?[A-Za-z0-9.:*?/-]+(,!?[A-Za-z0-9.:*?/-]+)*$/;

/** Options of the bot key's authorized_keys line. */
export interface AuthorizedKeysOptions {
  /** The bot's public key, as `ssh-keygen -y -f KEY` prints it. */
  publicKey: string;
  /** The forced command. Default WRAPPER_INSTALL_PATH. */
  command?: string;
  /** Source addresses the key is accepted from (sshd `from=`), e.g. `10.101.0.5`. Default any. */
  from?: string;
}

/**
 * The authorized_keys line of the bot's key: `restrict` (no pty, no port, agent or X11
 * forwarding, so no interactive shell, scp or sftp either) and `command=` samaops-remote, which
 * runs instead of whatever the client asked and finds that request in SSH_ORIGINAL_COMMAND.
 */
export function authorizedKeysLine(options: AuthorizedKeysOptions): string {
  const key = PUBLIC_KEY.exec(options.publicKey.trim());
  if (!key) throw new Error('not an OpenSSH public key line (ssh-keygen -y -f KEY prints one)');
  const command = options.command ?? WRAPPER_INSTALL_PATH;
  if (!safeAbsolutePath.safeParse(command).success) throw new Error(`unsafe command path ${command}`);
  const restrictions = ['restrict', `command="${command}"`];
  if (options.from !== undefined) {
    if (!FROM.test(options.from)) throw new Error(`from= must be addresses or patterns, comma-separated`);
    restrictions.push(`from="${options.from}"`);
  }
  return `${restrictions.join(',')} ${key[1]} ${key[2]} samaops-bot`;
}
