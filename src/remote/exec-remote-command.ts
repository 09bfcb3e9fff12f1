import type { NodeSSH } from 'node-ssh';
import type { Server } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import type { RemoteCommand } from './remote-commands.js';
import { RemoteError } from './remote-error.js';
import { commandLine } from './shell-quote.js';

/** Most bytes kept of a command's stdout, and of its stderr: 64 KiB. */
export const OUTPUT_CAP_BYTES = 64 * 1024;

/** What a remote command printed and how it ended. */
export interface RemoteOutput {
  /** Exit code; null when the command was stopped at the output cap. */
  code: number | null;
  /** Raw stdout, capped: for parsing. Pass through scrubSecrets before logging or showing it. */
  stdout: string;
  /** stderr, capped and already scrubbed of secrets. */
  stderr: string;
  /** True when output passed the cap and the command was stopped. */
  truncated: boolean;
  durationMs: number;
}

/** The exact command line sent: `timeout -k 5 <seconds> <argv...>`, every argument quoted. */
export function remoteCommandLine(command: RemoteCommand, timeoutMs: number): string {
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  return commandLine(['timeout', '-k', '5', String(seconds), ...command.argv]);
}

/**
 * The part of ssh2's exec channel used here (ssh2 ships no types in this project). node-ssh's
 * execCommand ends stdin at once, after which ssh2 silently drops `signal()`: hence ssh2 directly.
 */
interface ExecChannel {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'exit', listener: (code: number | null) => void): void;
  on(event: 'close', listener: () => void): void;
  stderr: { on(event: 'data', listener: (chunk: Buffer) => void): void };
  signal(name: string): void;
  close(): void;
}

interface ExecClient {
  exec(command: string, callback: (error: Error | undefined, channel: ExecChannel) => void): void;
}

/**
 * Runs one built command on an open connection. Bounded three ways: `timeout -k` on the server, a
 * local timer, and the caller's AbortSignal. sshd keeps a channel open until its process exits, so
 * stopping sends TERM (GNU timeout passes it to its command), closes the channel and returns at
 * once. Output beyond the cap stops the command too: a runaway cannot fill the bot's memory.
 */
export function execRemoteCommand(
  ssh: NodeSSH,
  server: Server,
  command: RemoteCommand,
  options: { timeoutMs: number; signal: AbortSignal; logger: Logger },
): Promise<RemoteOutput> {
  const { timeoutMs, signal, logger } = options;
  const client = ssh.connection as ExecClient | null;
  if (signal.aborted) return Promise.reject(aborted(server, command));
  if (!client) return Promise.reject(new Error('not connected'));
  const started = performance.now();
  const stdout = new CappedText();
  const stderr = new CappedText();
  return new Promise<RemoteOutput>((resolve, reject) => {
    let channel: ExecChannel | undefined;
    let code: number | null = null;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (error) return reject(error);
      if (code === 124) {
        return reject(
          new RemoteError(
            'REMOTE_COMMAND_TIMEOUT',
            server.name,
            `${command.form} on ${server.name}: killed by timeout`,
          ),
        );
      }
      const output: RemoteOutput = {
        code,
        stdout: stdout.text(),
        stderr: scrubSecrets(stderr.text()),
        truncated: stdout.full || stderr.full,
        durationMs: Math.round(performance.now() - started),
      };
      logger.debug(
        {
          server: server.name,
          form: command.form,
          code,
          ms: output.durationMs,
          stderr: output.stderr.slice(0, 200),
        },
        'remote command',
      );
      resolve(output);
    };
    const stop = (error?: RemoteError) => {
      if (channel) hangUp(channel);
      finish(error);
    };
    const onAbort = () => stop(aborted(server, command));
    const timer = setTimeout(
      () =>
        stop(
          new RemoteError(
            'REMOTE_COMMAND_TIMEOUT',
            server.name,
            `${command.form} on ${server.name}: no end in ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      client.exec(remoteCommandLine(command, timeoutMs), (error, opened) => {
        if (error) return finish(error);
        channel = opened;
        if (settled) return hangUp(opened);
        opened.on('data', (chunk) => {
          if (!stdout.add(chunk)) stop();
        });
        opened.stderr.on('data', (chunk) => {
          if (!stderr.add(chunk)) stop();
        });
        opened.on('exit', (exitCode) => {
          code = exitCode ?? null;
        });
        opened.on('close', () => finish());
      });
    } catch (error) {
      // ssh2 throws synchronously when the connection is already gone.
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function hangUp(channel: ExecChannel): void {
  try {
    channel.signal('TERM');
    channel.close();
  } catch {
    // The channel or connection is already closing.
  }
}

function aborted(server: Server, command: RemoteCommand): RemoteError {
  return new RemoteError('REMOTE_ABORTED', server.name, `${command.form} on ${server.name}: aborted`);
}

/** Collects chunks up to OUTPUT_CAP_BYTES; `add` returns false once the cap is passed. */
class CappedText {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  full = false;

  add(chunk: Buffer): boolean {
    if (this.full) return false;
    const room = OUTPUT_CAP_BYTES - this.size;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size = OUTPUT_CAP_BYTES;
      this.full = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
