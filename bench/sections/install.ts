import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { REACHABLE_TEAM, testInventory } from '../../test/handlers/test-inventory.js';
import {
  installedPackages,
  packAndInstall,
  runInstalled,
  startInstalled,
} from '../../test/packaging/installed-package.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { obliterateBotQueues, testQueueNamespace } from '../../test/support/bot-queues.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const STARTS = 5;
/** How long the bot idles after /ready before its RSS is read. */
const IDLE_MS = 10_000;

/**
 * Issue 15: the release as a server gets it. `npm pack`, installed with --omit=dev into an empty
 * prefix; then `samaops serve` in HTTP mode (Slack double, this machine's PostgreSQL and Redis),
 * started cold STARTS times: spawn to the first 200 from /ready, and the RSS after idling.
 */
export async function installBench(): Promise<BenchRow[]> {
  const pkg = await packAndInstall();
  const fixture = testInventory({ team: REACHABLE_TEAM });
  const double = await new SlackApiDouble().start();
  const scratch = await createScratchDatabase();
  const namespace = testQueueNamespace();
  try {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const env = {
      SAMAOPS_MODE: 'http',
      SAMAOPS_CONFIG: fixture.file,
      SLACK_BOT_TOKEN: `xoxb-${randomUUID()}`,
      SLACK_SIGNING_SECRET: randomUUID(),
      SLACK_API_URL: double.apiUrl,
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
      HOST: '127.0.0.1',
      PORT: port,
    };
    await runInstalled(pkg, ['migrate'], env);
    const startMs: number[] = [];
    const rssMiB: number[] = [];
    for (let run = 0; run < STARTS; run += 1) {
      const started = performance.now();
      const bot = startInstalled(pkg, ['serve'], env);
      const exited = once(bot, 'exit');
      startMs.push((await firstReady(`http://127.0.0.1:${port}/ready`, bot)) - started);
      await sleep(IDLE_MS);
      rssMiB.push(rssOf(bot.pid ?? 0) / 1024);
      bot.kill('SIGTERM');
      await exited;
    }
    const start = summarise(startMs);
    const rss = summarise(rssMiB);
    const dependencies = installedPackages(pkg.prefix).filter((name) => name !== 'samaops');
    return [
      row('tarball size (npm pack)', statSync(pkg.tarball).size / 1024, 'KiB'),
      row('installed size (node_modules, --omit=dev)', duKiB(pkg.prefix) / 1024, 'MiB'),
      row('production dependencies installed (direct and transitive)', dependencies.length, ''),
      row(`cold start: spawn to /ready 200, median of ${STARTS}`, start.median, 'ms', { max: start.max }),
      row(`idle RSS ${IDLE_MS / 1000} s after /ready, median of ${STARTS}`, rss.median, 'MiB', {
        max: rss.max,
      }),
    ];
  } finally {
    await double.stop();
    await scratch.drop();
    await obliterateBotQueues(namespace);
    fixture.remove();
    pkg.remove();
  }
}

function row(measure: string, value: number, unit: string, details?: Record<string, unknown>): BenchRow {
  return { section: 'install', measure, value: round1(value), unit, ...(details ? { details } : {}) };
}

/** Polls /ready until it answers 200; returns performance.now() of that answer. */
async function firstReady(url: string, bot: { exitCode: number | null }): Promise<number> {
  for (;;) {
    if (bot.exitCode !== null) throw new Error(`the bot exited ${bot.exitCode} before /ready`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return performance.now();
    await sleep(20);
  }
}

/** VmRSS of a process, KiB. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
}

/** Disk use of a directory, KiB (`du -sk`). */
function duKiB(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);
}
