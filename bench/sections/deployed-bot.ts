import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { labUp } from '../../test/lab/lab.js';
import { waitUntil } from '../../test/lab/lab-process.js';
import { SignedRequestClient } from '../../test/slack/signed-request-client.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { BENCH_CHANNEL, BENCH_USER, diagnoseRound } from './diagnose-round.js';

const run = promisify(execFile);
const CONCURRENCY = 20;
const ROUNDS = 10;
/** Diagnoses in a row for the growth figure (the 1,000; BENCH_GROWTH_DIAGNOSES shortens it). */
const GROWTH_DIAGNOSES = Number(process.env.BENCH_GROWTH_DIAGNOSES ?? 1000);
const LOG_FILE = join('.lab', 'bench-bot.log');
/**
 * node's flags for the bot, read from deploy/samaops.service's ExecStart so the bench starts it as
 * the unit does (--optimize-for-size: 108 MiB idle and 120 MiB after 1,220 diagnoses, against 146
 * and 186 MiB without). BENCH_NODE_FLAGS overrides them, to compare.
 */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? unitNodeFlags()).split(' ').filter(Boolean);
const HEAP_SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS === '1';

/**
 * Issue 18: the bot as deployed. It runs as its own process from the compiled `dist/` with plain
 * node (no tsx), logging at info to a file, with its own database and Redis as in production;
 * the signed `/sama diagnose` requests come from this process, as Slack's would from outside.
 * Reports the ack and report times, cold start to /ready, and resident memory idle, after 200
 * diagnoses, and its growth over a long run of diagnoses.
 */
export async function deployedBot(): Promise<BenchRow[]> {
  const { inventory: labFile } = await labUp();
  await run('npm', ['run', '--silent', 'build']);
  const inventoryFile = join('.lab', 'bench-inventory.yml');
  writeFileSync(inventoryFile, benchInventory(readFileSync(labFile, 'utf8')));
  const database = await createScratchDatabase('samaops_bench_bot');
  const double = await new SlackApiDouble({ pace: { perSecond: 1000, burst: 1000 } }).start();
  const signingSecret = `bench-${randomUUID()}`;
  const bot = await startDeployedBot({
    SAMAOPS_CONFIG: inventoryFile,
    SAMAOPS_MODE: 'http',
    SLACK_BOT_TOKEN: `xoxb-bench-${randomUUID()}`,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: double.apiUrl,
    DATABASE_URL: database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    SAMAOPS_QUEUE_NAMESPACE: `bench-${randomUUID().slice(0, 8)}`,
  });
  try {
    const client = new SignedRequestClient(`http://127.0.0.1:${bot.port}/slack/events`);
    const round = diagnoseRound(client, double, signingSecret, CONCURRENCY);
    const idle = await memoryOf(bot);
    await round();
    const acks: number[] = [];
    const reports: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const measured = await round();
      acks.push(...measured.acks);
      reports.push(...measured.reports);
    }
    const after200 = await memoryOf(bot);
    for (let done = 0; done < GROWTH_DIAGNOSES; done += CONCURRENCY) await round();
    const afterLong = await memoryOf(bot);
    const stopMs = await stopBot(bot.process);
    double.assertNoViolations();
    return rows({ acks, reports, readyMs: bot.readyMs, idle, after200, afterLong, stopMs });
  } finally {
    bot.process.kill('SIGKILL');
    await double.stop();
    await database.drop();
  }
}

interface Measured {
  acks: number[];
  reports: number[];
  readyMs: number;
  idle: Memory;
  after200: Memory;
  afterLong: Memory;
  stopMs: number;
}

function rows(measured: Measured): BenchRow[] {
  const section = `bot as deployed (node dist/, log info to a file), ${CONCURRENCY} /sama diagnose at once (lab)`;
  const ms = msRows(section);
  const a = summarise(measured.acks);
  const r = summarise(measured.reports);
  const mib = (measure: string, memory: Memory): BenchRow => ({
    section,
    measure,
    value: round1(memory.rssMiB),
    unit: 'MiB',
    goal: '< 150 MiB',
    met: memory.rssMiB < 150,
    details: { ...memory.process },
  });
  const growth = (measured.afterLong.rssMiB / measured.after200.rssMiB - 1) * 100;
  return [
    ms('cold start: spawn to /ready 200', measured.readyMs),
    ms(`ack p50 (n=${measured.acks.length})`, a.median, undefined, undefined, { ...a }),
    ms('ack p99', a.p99, '< 100 ms', a.p99 < 100),
    ms('time to final report, median', r.median, undefined, undefined, { ...r }),
    mib('resident memory, idle after /ready', measured.idle),
    mib(`resident memory after ${ROUNDS * CONCURRENCY + CONCURRENCY} diagnoses`, measured.after200),
    mib(`resident memory after ${GROWTH_DIAGNOSES} more`, measured.afterLong),
    {
      section,
      measure: `resident memory growth over ${GROWTH_DIAGNOSES} diagnoses`,
      value: round1(growth),
      unit: '%',
      goal: '< 10 %',
      met: growth < 10,
    },
    ms('SIGTERM to exit', measured.stopMs, '< 5000 ms', measured.stopMs < 5000),
  ];
}

/**
 * The lab inventory with the bench's channel and a team every level and approval rule reaches
 * (the lab has none, and check-config's errors stop a start), the bench acting as its DevOps.
 */
function benchInventory(labYaml: string): string {
  const inventory = parse(labYaml) as Record<string, unknown>;
  inventory.team = [
    { slackId: BENCH_USER, name: 'Bench', roles: ['devops'], availability: '24/7' },
    { slackId: 'UBENCHN1', name: 'Bench N1', roles: ['support_n1'], availability: '24/7' },
    { slackId: 'UBENCHLEAD', name: 'Bench lead', roles: ['lead', 'architect'], availability: '24/7' },
  ];
  inventory.slack = { channels: [BENCH_CHANNEL] };
  return stringify(inventory);
}

interface DeployedBot {
  process: ChildProcess;
  port: number;
  readyMs: number;
}

async function startDeployedBot(env: Record<string, string>): Promise<DeployedBot> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const log = openSync(LOG_FILE, 'w');
  const started = performance.now();
  const flags = HEAP_SNAPSHOTS
    ? [...NODE_FLAGS, '--heapsnapshot-signal=SIGUSR2', '--diagnostic-dir=.lab']
    : NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, 'dist/cli/main.js', 'serve'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`the bot exited (${code}) before /ready; see ${LOG_FILE}`)),
    ),
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

interface Memory {
  /** Resident set size from /proc, MiB. */
  rssMiB: number;
  /** The bot's own view (samaops_process_memory_bytes on /metrics), MiB by kind. */
  process: Record<string, number>;
}

/**
 * The bot's resident size from /proc, and its heap and external memory from its /metrics. With
 * BENCH_HEAP_SNAPSHOTS=1, the bot also writes a heap snapshot (node's --heapsnapshot-signal) into
 * .lab/, for `npx tsx bench/heap-summary.ts OLD NEW` to say what grew.
 */
async function memoryOf(bot: DeployedBot): Promise<Memory> {
  if (HEAP_SNAPSHOTS) await heapSnapshot(bot);
  const status = readFileSync(`/proc/${bot.process.pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  const text = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  const kinds = [...text.matchAll(/^samaops_process_memory_bytes\{kind="(\w+)"\} (\d+)$/gm)];
  return {
    rssMiB: kib / 1024,
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

async function stopBot(child: ChildProcess): Promise<number> {
  const started = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return performance.now() - started;
}

/** The flags between `node` and the script on the unit's ExecStart line. */
function unitNodeFlags(): string {
  const unit = readFileSync(join('deploy', 'samaops.service'), 'utf8');
  const execStart = /^ExecStart=\S+node((?: --\S+)*) /m.exec(unit);
  if (!execStart) throw new Error('deploy/samaops.service: no ExecStart=…node … line');
  return execStart[1]?.trim() ?? '';
}
