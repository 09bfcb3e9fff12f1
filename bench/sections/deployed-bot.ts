import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { labUp } from '../../test/lab/lab.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { obliterateBotQueues } from '../../test/support/bot-queues.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { buildDistOnce, type Memory, memoryOf, startDeployedBot, stopBot } from './deployed-process.js';
import { BENCH_CHANNEL, BENCH_USER, diagnoseRounds } from './diagnose-round.js';

const CONCURRENCY = 20;
const ROUNDS = 10;
/** Diagnoses in a row for the growth figure (the 1,000; BENCH_GROWTH_DIAGNOSES shortens it). */
const GROWTH_DIAGNOSES = Number(process.env.BENCH_GROWTH_DIAGNOSES ?? 1000);
const LOG_FILE = join('.lab', 'bench-bot.log');

/**
 * Issue 18: the bot as deployed. It runs as its own process from the compiled `dist/` with plain
 * node (no tsx), logging at info to a file, with its own database and Redis as in production;
 * the signed `/sama diagnose` requests come from this process, as Slack's would from outside.
 * Reports the ack and report times, cold start to /ready, and resident memory idle, after 200
 * diagnoses, and its growth over a long run of diagnoses.
 */
export async function deployedBot(): Promise<BenchRow[]> {
  const { inventory: labFile } = await labUp();
  await buildDistOnce();
  const inventoryFile = join('.lab', 'bench-inventory.yml');
  writeFileSync(inventoryFile, benchInventory(readFileSync(labFile, 'utf8')));
  const database = await createScratchDatabase('samaops_bench_bot');
  const double = await new SlackApiDouble({ pace: { perSecond: 1000, burst: 1000 } }).start();
  const signingSecret = `bench-${randomUUID()}`;
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const bot = await startDeployedBot(
    {
      SAMAOPS_CONFIG: inventoryFile,
      SAMAOPS_MODE: 'http',
      SLACK_BOT_TOKEN: `xoxb-bench-${randomUUID()}`,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: double.apiUrl,
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    LOG_FILE,
  );
  const rounds = diagnoseRounds(
    `http://127.0.0.1:${bot.port}/slack/events`,
    double,
    signingSecret,
    CONCURRENCY,
  );
  try {
    const idle = await memoryOf(bot);
    await rounds.round();
    const acks: number[] = [];
    const reports: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const measured = await rounds.round();
      acks.push(...measured.acks);
      reports.push(...measured.reports);
    }
    const after200 = await memoryOf(bot);
    for (let done = 0; done < GROWTH_DIAGNOSES; done += CONCURRENCY) await rounds.round();
    const afterLong = await memoryOf(bot);
    const stopMs = await stopBot(bot.process);
    double.assertNoViolations();
    return rows({ acks, reports, readyMs: bot.readyMs, idle, after200, afterLong, stopMs });
  } finally {
    await rounds.close();
    bot.process.kill('SIGKILL');
    await double.stop();
    await obliterateBotQueues(namespace);
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
