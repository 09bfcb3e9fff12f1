import type { NodeSSH } from 'node-ssh';
import type { Server } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import type { RemoteCommand } from './remote-commands.js';
import { RemoteError } from './remote-error.js';
import { remoteFormTraits } from './remote-forms.js';
import { commandLine } from './shell-quote.js';

/** Most bytes kept of a command's stdout, and of its stderr: 64 KiB. */
export const OUTPUT_CAP_BYTES = 64 * 1024;

/** Of a command run to its end past the cap, the last bytes kept besides the first 64 KiB: 4 KiB. */
export const OUTPUT_TAIL_BYTES = 4 * 1024;

/** The numbers of a `numbers` form's stdout (one a line), over all of it, the part past the cap too. */
export interface NumberSummary {
  count: number;
  sum: number;
  /** The largest; null when there is none. */
  max: number | null;
}

/** What a remote command printed and how it ended. */
export interface RemoteOutput {
  /** Exit code; null when the command was stopped at the output cap. */
  code: number | null;
  /**
   * Raw stdout, capped: for parsing. Pass through scrubSecrets before logging or showing it. Of
   * a form run to its end past the cap (remoteFormTraits), its first 64 KiB and last 4 KiB, whole
   * lines each.
   */
  stdout: string;
  /** stderr, capped like stdout and already scrubbed of secrets. */
  stderr: string;
  /**
   * True when output passed the cap: stdout or stderr lacks a part, and the command was stopped
   * there unless its form runs to its end (remoteFormTraits).
   */
  truncated: boolean;
  /** For a form whose stdout is numbers (remoteFormTraits): all of them, summed. */
  numbers?: NumberSummary;
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
 * once. Output beyond the cap stops the command too, so that a runaway cannot fill the bot's
 * memory; except a form that mutates or prints numbers (remoteFormTraits), which runs to its end
 * within its time budget while its output past the cap is dropped (numbers are still counted).
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
  const sinks = sinksFor(command);
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
      if (code === 124) return reject(timedOut(server, command, 'killed by timeout'));
      const output = outputOf(sinks, code, started);
      const stderr = output.stderr.slice(0, 200);
      logger.debug(
        { server: server.name, form: command.form, code, ms: output.durationMs, stderr },
        'remote command',
      );
      resolve(output);
    };
    const stop = (error?: RemoteError) => {
      if (channel) hangUp(channel);
      finish(error);
    };
    const onAbort = () => stop(aborted(server, command));
    const timer = setTimeout(() => stop(timedOut(server, command, `no end in ${timeoutMs} ms`)), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      client.exec(remoteCommandLine(command, timeoutMs), (error, opened) => {
        if (error) return finish(error);
        channel = opened;
        if (settled) return hangUp(opened);
        collectOutput(opened, sinks, () => stop());
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

/** Where a command's output goes: stdout and stderr capped, and the numbers of a `numbers` form. */
interface OutputSinks {
  stdout: CappedText;
  stderr: CappedText;
  numbers: NumberFold | undefined;
  /** A form that mutates or prints numbers runs to its end past the cap (remoteFormTraits). */
  runsToEnd: boolean;
}

function sinksFor(command: RemoteCommand): OutputSinks {
  const traits = remoteFormTraits[command.form];
  const runsToEnd = traits.mutates || traits.stdout === 'numbers';
  return {
    stdout: new CappedText(runsToEnd),
    stderr: new CappedText(runsToEnd),
    numbers: traits.stdout === 'numbers' ? new NumberFold() : undefined,
    runsToEnd,
  };
}

/** Feeds the channel's output to the sinks; past the cap, stops a command that need not run to its end. */
function collectOutput(channel: ExecChannel, sinks: OutputSinks, stop: () => void): void {
  channel.on('data', (chunk) => {
    sinks.numbers?.add(chunk);
    if (!sinks.stdout.add(chunk) && !sinks.runsToEnd) stop();
  });
  channel.stderr.on('data', (chunk) => {
    if (!sinks.stderr.add(chunk) && !sinks.runsToEnd) stop();
  });
}

/** What the command printed and how it ended; stderr scrubbed of secrets. */
function outputOf(sinks: OutputSinks, code: number | null, started: number): RemoteOutput {
  return {
    code,
    stdout: sinks.stdout.text(),
    stderr: scrubSecrets(sinks.stderr.text()),
    truncated: sinks.stdout.full || sinks.stderr.full,
    durationMs: Math.round(performance.now() - started),
    ...(sinks.numbers ? { numbers: sinks.numbers.summary() } : {}),
  };
}

function timedOut(server: Server, command: RemoteCommand, how: string): RemoteError {
  return new RemoteError('REMOTE_COMMAND_TIMEOUT', server.name, `${command.form} on ${server.name}: ${how}`);
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

/**
 * Collects chunks up to OUTPUT_CAP_BYTES; `add` returns false once the cap is passed. With
 * `keepTail`, it goes on keeping the last OUTPUT_TAIL_BYTES (the end of a command run to its end,
 * where e.g. docker prints its total).
 */
class CappedText {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private tail: Buffer = Buffer.alloc(0);
  full = false;

  constructor(private readonly keepTail = false) {}

  add(chunk: Buffer): boolean {
    if (this.full) {
      if (this.keepTail) this.keepEnd(chunk);
      return false;
    }
    const room = OUTPUT_CAP_BYTES - this.size;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size = OUTPUT_CAP_BYTES;
      this.full = true;
      if (this.keepTail) this.keepEnd(chunk.subarray(room));
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  private keepEnd(chunk: Buffer): void {
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.subarray(Math.max(0, joined.length - OUTPUT_TAIL_BYTES));
  }

  text(): string {
    const head = Buffer.concat(this.chunks).toString('utf8');
    if (!this.full || !this.keepTail) return head;
    // Whole lines only: the head up to its last line end, the tail from its first line start.
    const tail = this.tail.toString('utf8');
    const start = tail.indexOf('\n');
    return `${head.slice(0, head.lastIndexOf('\n') + 1)}${start < 0 ? '' : tail.slice(start + 1)}`;
  }
}

/** Longest line read as a number (`%T@` prints 21 characters). */
const LONGEST = 40;

/** Folds a stream of one-number lines into count, sum and max, keeping only the current line. */
class NumberFold {
  /** The line being read; past LONGEST it is no number, and only its end is waited for. */
  private line = '';
  private count = 0;
  private sum = 0;
  private max: number | null = null;

  add(chunk: Buffer): void {
    // Numbers are ASCII: latin1 never splits a character across chunks.
    const lines = (this.line + chunk.toString('latin1')).split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) this.fold(line);
    this.line = last.length > LONGEST ? last.slice(0, LONGEST + 1) : last;
  }

  summary(): NumberSummary {
    this.fold(this.line);
    this.line = '';
    return { count: this.count, sum: this.sum, max: this.max };
  }

  private fold(line: string): void {
    if (line.length > LONGEST) return;
    const text = line.trim();
    if (!/^\d+(\.\d+)?$/.test(text)) return;
    const value = Number(text);
    this.count += 1;
    this.sum += value;
    this.max = this.max === null ? value : Math.max(this.max, value);
  }
}
