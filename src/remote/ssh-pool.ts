import type { NodeSSH } from 'node-ssh';
import type { Server } from '../config/schema.js';
import { abortable, reconnecting } from '../lifecycle/reconnecting.js';
import type { Logger } from '../logging/logger.js';
import { execRemoteCommand, type RemoteOutput } from './exec-remote-command.js';
import { retryRefusedSession } from './refused-session.js';
import type { RemoteCommand } from './remote-commands.js';
import { RemoteError } from './remote-error.js';
import { Semaphore } from './semaphore.js';
import { openSshConnection } from './ssh-connection.js';

/** Options of the SSH pool. */
export interface SshPoolOptions {
  /** Handshake budget and default command budget, ms: the inventory's checkTimeoutMs. */
  timeoutMs: number;
  logger: Logger;
}

/** A remote command's output and how long this call waited for the connection. */
export interface PooledOutput extends RemoteOutput {
  /** Time spent waiting for the connection, ms: about the handshake when cold, ~0 when warm. */
  connectMs: number;
  /** Time spent waiting for a free channel on that connection, ms (the server's sshChannels). */
  channelWaitMs: number;
}

/** Counters, for tests and the bench. */
export interface SshPoolStats {
  /** Connection attempts started (handshakes). */
  connectAttempts: number;
  /** Connections that completed their handshake. */
  connects: number;
  /** Commands sent. */
  commands: number;
}

/** The only way samaops reaches a server over SSH: one pooled connection per server. */
export interface SshPool {
  /** Runs a built command on `server`, within `timeoutMs` (default: the pool's) and `signal`. */
  run(server: Server, command: RemoteCommand, signal: AbortSignal, timeoutMs?: number): Promise<PooledOutput>;
  stats(): SshPoolStats;
  /** Ends every connection. */
  close(): Promise<void>;
}

interface HostEntry {
  connection: ReturnType<typeof reconnecting<NodeSSH>>;
  channels: Semaphore;
}

/** A server's connection, opened on first use, and its channels (the server's sshChannels at once). */
function newHostEntry(server: Server, { timeoutMs, logger }: SshPoolOptions, stats: SshPoolStats): HostEntry {
  return {
    connection: reconnecting<NodeSSH>(
      async (onLost) => {
        stats.connectAttempts += 1;
        const ssh = await openSshConnection(server, {
          timeoutMs,
          logger,
          onLost: () => {
            logger.debug({ server: server.name }, 'ssh connection closed');
            onLost();
          },
        });
        stats.connects += 1;
        return ssh;
      },
      (ssh) => ssh.dispose(),
    ),
    channels: new Semaphore(server.sshChannels),
  };
}

/**
 * Creates the pool. A connection opens on first use, is shared by every check and action on that
 * server, and is forgotten when it closes or fails, so the next caller reconnects. A command that
 * fails because a reused connection died under it is retried once on a fresh one.
 */
export function createSshPool(options: SshPoolOptions): SshPool {
  const { logger, timeoutMs } = options;
  const hosts = new Map<string, HostEntry>();
  const stats: SshPoolStats = { connectAttempts: 0, connects: 0, commands: 0 };

  let closed = false;

  const entryOf = (server: Server): HostEntry => {
    if (closed) throw new Error('the SSH pool is closed');
    let entry = hosts.get(server.name);
    if (!entry) {
      entry = newHostEntry(server, options, stats);
      hosts.set(server.name, entry);
    }
    return entry;
  };

  const attempt = async (
    entry: HostEntry,
    server: Server,
    command: RemoteCommand,
    signal: AbortSignal,
    budget: number,
  ) => {
    const started = performance.now();
    const ssh = await abortable(entry.connection.get(), signal);
    const connected = performance.now();
    const connectMs = Math.round(connected - started);
    return entry.channels.use(async () => {
      const channelWaitMs = Math.round(performance.now() - connected);
      stats.commands += 1;
      const output = await retryRefusedSession(
        server,
        () => execRemoteCommand(ssh, server, command, { timeoutMs: budget, signal, logger }),
        signal,
      );
      return { ...output, connectMs, channelWaitMs };
    }, signal);
  };

  return {
    async run(server, command, signal, budget = timeoutMs) {
      const entry = entryOf(server);
      try {
        return await attempt(entry, server, command, signal, budget);
      } catch (error) {
        // A connection killed between two uses fails at channel open, not at connect: retry once.
        if (error instanceof RemoteError || signal.aborted) throw error;
        logger.debug({ server: server.name, err: String(error) }, 'ssh channel failed; reconnecting once');
        // Forget that entry (`close()` of a reconnecting holder is final), but not a newer one that
        // another command's failure on the same dead connection has made meanwhile.
        if (hosts.get(server.name) === entry) hosts.delete(server.name);
        void entry.connection.close();
        try {
          return await attempt(entryOf(server), server, command, signal, budget);
        } catch (retryError) {
          if (retryError instanceof RemoteError) throw retryError;
          throw new RemoteError(
            'SSH_CONNECT_FAILED',
            server.name,
            `${server.name}: ${String(retryError).slice(0, 200)}`,
          );
        }
      }
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      const entries = [...hosts.values()];
      hosts.clear();
      await Promise.allSettled(entries.map((entry) => entry.connection.close()));
    },
  };
}
