import { execFile, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { promisify } from 'node:util';

/** Process plumbing for the lab: commands, detached daemons tracked by pid files, polling. */

const execFileAsync = promisify(execFile);

/** Runs a command and returns its stdout; rejects with its stderr on a non-zero exit. */
export async function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string; timeoutMs?: number } = {},
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      env: options.env,
      uid: options.uid,
      gid: options.gid,
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.stderr?.trim() || failed.message}`);
  }
}

/** Starts a daemon in its own session, logging to `log`, and records its pid in `pidFile`. */
export function spawnDetached(
  command: string,
  args: string[],
  options: { log: string; pidFile: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number },
): number {
  const log = openSync(options.log, 'a');
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: options.env ?? process.env,
    uid: options.uid,
    gid: options.gid,
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  writeFileSync(options.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** The pid recorded in a pid file, if any. */
export function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/** True while `pid` exists and is not a zombie; with `commandPart`, only if its command line holds it. */
export function isAlive(pid: number | undefined, commandPart?: string): boolean {
  if (pid === undefined) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return commandPart === undefined || readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(commandPart);
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Removes `pidFile`. */
export async function stopProcess(pid: number | undefined, pidFile?: string, graceMs = 5000): Promise<void> {
  if (pid !== undefined && isAlive(pid)) {
    signal(pid, 'SIGTERM');
    if (!(await waitFor(() => !isAlive(pid), graceMs))) {
      signal(pid, 'SIGKILL');
      await waitFor(() => !isAlive(pid), 5000);
    }
  }
  if (pidFile) rmSync(pidFile, { force: true });
}

/** Sends a signal, ignoring a process that is already gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Polls `condition` every 50 ms until it holds (true) or the deadline passes (false). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Like waitFor, but throws `what` on timeout. */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  if (!(await waitFor(condition, timeoutMs))) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
}

/** True when a TCP connection to host:port is accepted within 500 ms. */
export function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when GET `url` answers 200 within 1 s. */
export function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 1000, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
