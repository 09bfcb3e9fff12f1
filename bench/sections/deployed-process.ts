import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitUntil } from '../../test/lab/lab-process.js';
import { round1 } from '../stats.js';

/**
 * node's flags for the bot, read from deploy/samaops.service's ExecStart so the bench starts it as
 * the unit does (--optimize-for-size). BENCH_NODE_FLAGS overrides them, to compare.
 */
export const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? unitNodeFlags()).split(' ').filter(Boolean);
/** The unit's `Environment=` settings (NODE_ENV, MALLOC_ARENA_MAX), given to the bot as the unit gives them. */
const UNIT_ENVIRONMENT = unitEnvironment();
const HEAP_SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS === '1';

let built: Promise<unknown> | undefined;

/** `npm run build` (dist/), once for the whole bench run. */
export function buildDistOnce(): Promise<unknown> {
  built ??= promisify(execFile)('npm', ['run', '--silent', 'build']);
  return built;
}

/** The bot started as the unit starts it: its process, HTTP port and time to /ready. */
export interface DeployedBot {
  process: ChildProcess;
  port: number;
  readyMs: number;
}

/**
 * Starts `node FLAGS dist/cli/main.js serve` (build first) with only PATH, the unit's Environment=
 * settings, LOG_LEVEL=info, HOST, PORT and `env`, its output to `logFile`; resolves once /ready
 * answers 200.
 */
export async function startDeployedBot(env: Record<string, string>, logFile: string): Promise<DeployedBot> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const flags = HEAP_SNAPSHOTS
    ? [...NODE_FLAGS, '--heapsnapshot-signal=SIGUSR2', '--diagnostic-dir=.lab']
    : NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, 'dist/cli/main.js', 'serve'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...UNIT_ENVIRONMENT,
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before /ready; see ${logFile}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([
    exited,
    waitUntil(
      'the deployed bot answering /ready 200',
      async () => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.status === 200,
      60_000,
    ),
  ]);
  return { process: child, port, readyMs: performance.now() - started };
}

/** The bot's memory at one moment. */
export interface Memory {
  /** Resident set size from /proc, MiB. */
  rssMiB: number;
  /** The bot's own view (samaops_process_memory_bytes on /metrics), MiB by kind. */
  process: Record<string, number>;
}

/** The resident size of a process from /proc, MiB. */
export function rssMiBOf(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/**
 * The bot's resident size from /proc, and its heap and external memory from its /metrics. With
 * BENCH_HEAP_SNAPSHOTS=1, the bot also writes a heap snapshot (node's --heapsnapshot-signal) into
 * .lab/, for `npx tsx bench/heap-summary.ts OLD NEW` to say what grew.
 */
export async function memoryOf(bot: DeployedBot): Promise<Memory> {
  if (HEAP_SNAPSHOTS) await heapSnapshot(bot);
  const rssMiB = rssMiBOf(bot.process.pid);
  const text = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  const kinds = [...text.matchAll(/^samaops_process_memory_bytes\{kind="(\w+)"\} (\d+)$/gm)];
  return {
    rssMiB,
    process: Object.fromEntries(kinds.map((match) => [match[1], round1(Number(match[2]) / 2 ** 20)])),
  };
}

/** Asks the bot for a heap snapshot and waits until node has written it whole. */
async function heapSnapshot(bot: DeployedBot): Promise<void> {
  const snapshots = () => readdirSync('.lab').filter((name) => name.endsWith('.heapsnapshot'));
  const before = snapshots().length;
  bot.process.kill('SIGUSR2');
  // Node writes the file, then answers again: /health answering after a new file exists means done.
  await waitUntil('a new heap snapshot', () => snapshots().length > before, 120_000);
  await fetch(`http://127.0.0.1:${bot.port}/health`);
}

/** SIGTERM, then the time until the process has exited, ms. */
export async function stopBot(child: ChildProcess): Promise<number> {
  const started = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return performance.now() - started;
}

/** The unit's `Environment=NAME=value` lines. */
function unitEnvironment(): Record<string, string> {
  const unit = readFileSync(join('deploy', 'samaops.service'), 'utf8');
  return Object.fromEntries(
    [...unit.matchAll(/^Environment=(\w+)=(\S*)$/gm)].map((line) => [line[1], line[2]]),
  );
}

/** The flags between `node` and the script on the unit's ExecStart line. */
function unitNodeFlags(): string {
  const unit = readFileSync(join('deploy', 'samaops.service'), 'utf8');
  const execStart = /^ExecStart=\S+node((?: --\S+)*) /m.exec(unit);
  if (!execStart) throw new Error('deploy/samaops.service: no ExecStart=…node … line');
  return execStart[1]?.trim() ?? '';
}
