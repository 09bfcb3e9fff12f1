import { setTimeout as sleep } from 'node:timers/promises';
import type { Server } from '../config/schema.js';
import { RemoteError } from './remote-error.js';

/** Times a refused session is asked for again on the same connection, the waits growing: 10, 20, 40, 80 ms. */
const ATTEMPTS = 5;
const FIRST_WAIT_MS = 10;

/**
 * True when sshd answered a channel open with a refusal (SSH_MSG_CHANNEL_OPEN_FAILURE and its
 * reason code; sshd logs "no more sessions"): the connection is alive, the server is full.
 */
export function isSessionRefused(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.message.startsWith('(SSH) Channel open failure:') &&
    typeof (error as { reason?: unknown }).reason === 'number'
  );
}

/**
 * Runs `exec`, asking again when sshd refuses the session. sshd frees a session only once it has
 * handled the channel's close, so commands ending and starting in one burst briefly count twice
 * against MaxSessions; a moment later there is room. Past the last attempt the refusal becomes
 * SSH_SESSION_REFUSED, naming the server; the connection stays, for the other commands on it.
 */
export async function retryRefusedSession<T>(
  server: Server,
  exec: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await exec();
    } catch (error) {
      if (!isSessionRefused(error) || signal.aborted) throw error;
      if (attempt >= ATTEMPTS) {
        throw new RemoteError(
          'SSH_SESSION_REFUSED',
          server.name,
          `${server.name}: sshd refused a new session (MaxSessions): sshChannels ${server.sshChannels} is too many for it`,
        );
      }
      await sleep(FIRST_WAIT_MS * 2 ** (attempt - 1), undefined, { signal });
    }
  }
}
