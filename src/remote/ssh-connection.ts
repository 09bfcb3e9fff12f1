import { NodeSSH } from 'node-ssh';
import type { Server } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { pinnedHostKey } from './host-key.js';
import { RemoteError } from './remote-error.js';

/** Options of one SSH connection. */
export interface ConnectOptions {
  /** Handshake budget (ssh2 `readyTimeout`), ms: the inventory's checkTimeoutMs. */
  timeoutMs: number;
  logger: Logger;
  /** Called once when the connection ends, for whatever reason. */
  onLost: () => void;
}

/**
 * Opens one authenticated SSH connection to a server with its host key pinned. Errors become
 * RemoteErrors that name the server; the private key never appears in them.
 */
export async function openSshConnection(server: Server, options: ConnectOptions): Promise<NodeSSH> {
  const ssh = new NodeSSH();
  const hostKey = pinnedHostKey(server, options.logger);
  try {
    await ssh.connect({
      host: server.host,
      port: server.port,
      username: server.user,
      privateKey: server.privateKey,
      readyTimeout: options.timeoutMs,
      hostVerifier: hostKey.hostVerifier,
      // Detects a peer that vanished without closing TCP, so the pool stops reusing it.
      keepaliveInterval: 15_000,
      keepaliveCountMax: 3,
      tryKeyboard: false,
    });
  } catch (error) {
    ssh.dispose();
    throw hostKey.refusal() ?? connectError(server, error);
  }
  const connection = ssh.connection;
  if (!connection)
    throw new RemoteError('SSH_CONNECT_FAILED', server.name, `${server.name}: connection lost`);
  // Small request packets must not wait behind Nagle for the peer's delayed ACK (~40 ms per exec).
  connection.setNoDelay(true);
  let lost = false;
  const onLost = () => {
    if (lost) return;
    lost = true;
    options.onLost();
  };
  connection.on('close', onLost);
  connection.on('end', onLost);
  connection.on('error', (error: Error) => {
    options.logger.debug({ server: server.name, err: scrubSecrets(error.message) }, 'ssh connection error');
    onLost();
  });
  return ssh;
}

function connectError(server: Server, error: unknown): RemoteError {
  const text = scrubSecrets(error instanceof Error ? error.message : String(error));
  if (/timed out while waiting for handshake/i.test(text)) {
    return new RemoteError('SSH_HANDSHAKE_TIMEOUT', server.name, `${server.name}: no SSH handshake in time`);
  }
  return new RemoteError(
    'SSH_CONNECT_FAILED',
    server.name,
    `${server.name} (${server.host}:${server.port}): ${text.slice(0, 200)}`,
  );
}
