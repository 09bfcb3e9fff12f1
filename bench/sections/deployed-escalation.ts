import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { parse, stringify } from 'yaml';
import { INTAKE_PATHS } from '../../src/escalation/intake/start-intake.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { obliterateBotQueues } from '../../test/support/bot-queues.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { buildDistOnce, NODE_FLAGS, rssMiBOf, startDeployedBot, stopBot } from './deployed-process.js';
import { BENCH_CHANNEL } from './diagnose-round.js';

const INCIDENTS = 1000;
/** Deadlines spread over this many seconds (the 60 s; BENCH_ESCALATION_SPREAD_S shortens it). */
const SPREAD_S = Number(process.env.BENCH_ESCALATION_SPREAD_S ?? 60);
/** N2's ack timeout: each incident's deadline comes this long after it opened. */
const ACK_S = 30;
const N1 = 'UBENCHN1';
const N2 = 'UBENCHN2';
const N3 = 'UBENCHN3';
const TOKEN = `bench-${randomUUID()}`;
const LOG_FILE = join('.lab', 'bench-escalation-bot.log');

/**
 * Issue 18: the escalation bench's 1,000 deadlines on the bot as deployed (node dist/ with the
 * unit's flags, logging at info to a file, its own database and queue namespace on the machine's
 * PostgreSQL and Redis). 1,000 Alertmanager alerts, one fingerprint each, reach its intake
 * endpoint at an even pace over 60 s, so the N2 incidents they open have their ack deadlines
 * spread over 60 s; each deadline escalates its incident to N3 once. Lateness is the step's time
 * minus its deadline, read from the bot's outbox (the N3 DM written by the step; Slack's pacing of
 * one message a second per channel then delivers it, which is not what is measured). The bot's
 * resident size is sampled from /proc all along.
 */
export async function deployedEscalation(): Promise<BenchRow[]> {
  await buildDistOnce();
  const inventoryFile = join('.lab', 'bench-escalation-inventory.yml');
  writeFileSync(inventoryFile, escalationInventory());
  const database = await createScratchDatabase('samaops_bench_escalation_bot');
  const double = await new SlackApiDouble({ pace: { perSecond: 1000, burst: 1000 } }).start();
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  const bot = await startDeployedBot(
    {
      SAMAOPS_CONFIG: inventoryFile,
      SAMAOPS_MODE: 'http',
      SLACK_BOT_TOKEN: `xoxb-bench-${randomUUID()}`,
      SLACK_SIGNING_SECRET: `bench-${randomUUID()}`,
      SLACK_API_URL: double.apiUrl,
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    LOG_FILE,
  );
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMiBOf(bot.process.pid)), 250);
  try {
    const idleMiB = rssMiBOf(bot.process.pid);
    const refused = await sendAlerts(`http://127.0.0.1:${bot.port}${INTAKE_PATHS.alertmanager}`);
    const lateness = await waitForEscalations(pool, (SPREAD_S + ACK_S + 60) * 1000);
    const afterMiB = rssMiBOf(bot.process.pid);
    await stopBot(bot.process);
    double.assertNoViolations();
    return rows({
      lateness: lateness.values,
      duplicates: lateness.duplicates,
      refused,
      rss,
      idleMiB,
      afterMiB,
    });
  } finally {
    clearInterval(sampler);
    bot.process.kill('SIGKILL');
    await pool.end();
    await double.stop();
    await obliterateBotQueues(namespace);
    await database.drop();
  }
}

/** Posts the alerts one per request at an even pace over the spread; returns the refused statuses. */
async function sendAlerts(url: string): Promise<number[]> {
  const started = Date.now();
  const refused: number[] = [];
  const sends: Promise<void>[] = [];
  for (let index = 0; index < INCIDENTS; index += 1) {
    const wait = started + (index * SPREAD_S * 1000) / INCIDENTS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const fingerprint = `deadline${index}`;
    const body = JSON.stringify({
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Deadline', instance: fingerprint, severity: 'warning' },
          annotations: {},
          startsAt: new Date().toISOString(),
          fingerprint,
        },
      ],
    });
    sends.push(
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body,
      }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 202) refused.push(response.status);
      }),
    );
  }
  await Promise.all(sends);
  return refused;
}

/**
 * Waits until every incident's N3 DM is written (or `timeoutMs`), then reads each one's lateness
 * (the step's time minus the deadline it answers) and the incidents escalated more than once.
 */
async function waitForEscalations(
  pool: pg.Pool,
  timeoutMs: number,
): Promise<{ values: number[]; duplicates: number }> {
  const query = `SELECT incident_id, extract(epoch FROM created_at - due_at) * 1000 AS late_ms
    FROM incident_outbox WHERE kind = 'dm' AND recipient = $1 AND due_at IS NOT NULL`;
  const deadline = Date.now() + timeoutMs;
  let found: { incident_id: string; late_ms: string }[] = [];
  while (Date.now() < deadline) {
    found = (await pool.query<{ incident_id: string; late_ms: string }>(query, [N3])).rows;
    if (new Set(found.map((row) => row.incident_id)).size >= INCIDENTS) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const perIncident = new Map<string, number>();
  for (const row of found) perIncident.set(row.incident_id, (perIncident.get(row.incident_id) ?? 0) + 1);
  return {
    values: found.map((row) => Number(row.late_ms)),
    duplicates: [...perIncident.values()].filter((count) => count > 1).length,
  };
}

interface Measured {
  lateness: number[];
  duplicates: number;
  refused: number[];
  rss: number[];
  idleMiB: number;
  afterMiB: number;
}

function rows(measured: Measured): BenchRow[] {
  const section = `escalation on the bot as deployed (node ${NODE_FLAGS.join(' ')} dist/)`;
  const stats = summarise(measured.lateness);
  const escalated = measured.lateness.length - measured.duplicates;
  const lost = INCIDENTS - escalated;
  // A sample read as the process exits has no VmRSS (NaN): left out.
  const rssMax = Math.max(measured.idleMiB, ...measured.rss.filter(Number.isFinite));
  const ms = (measure: string, value: number, goal?: string, met?: boolean): BenchRow => ({
    section,
    measure,
    value: round1(value),
    unit: 'ms',
    ...(goal ? { goal, met } : {}),
  });
  return [
    ms(`step lateness p50 (${INCIDENTS} deadlines over ${SPREAD_S} s)`, stats.median),
    ms('step lateness p99', stats.p99, '< 250 ms', stats.p99 < 250),
    ms('step lateness max', stats.max),
    {
      section,
      measure: 'lost / duplicate escalations',
      value: lost + measured.duplicates,
      unit: '',
      goal: '= 0',
      met: lost === 0 && measured.duplicates === 0 && measured.refused.length === 0,
      details: { lost, duplicates: measured.duplicates, refusedAlerts: measured.refused.length },
    },
    {
      section,
      measure: 'resident memory, max during the run (idle before; after: in details)',
      value: round1(rssMax),
      unit: 'MiB',
      goal: '< 150 MiB',
      met: rssMax < 150,
      details: { idleMiB: round1(measured.idleMiB), afterMiB: round1(measured.afterMiB) },
    },
  ];
}

/** config/local.yml with a person of each level on call 24/7, the intake on, the watch off. */
function escalationInventory(): string {
  const inventory = parse(readFileSync('config/local.yml', 'utf8')) as Record<string, unknown>;
  inventory.team = [
    { slackId: N1, name: 'N1', roles: ['support_n1'], availability: '24/7' },
    { slackId: N2, name: 'N2', roles: ['devops'], availability: '24/7' },
    { slackId: N3, name: 'N3', roles: ['lead'], availability: '24/7' },
  ];
  inventory.slack = { channels: [BENCH_CHANNEL] };
  inventory.escalation = {
    levels: { N2: { ackTimeout: `${ACK_S}s`, repeatEvery: '1h', resolveWithin: '2h' } },
    watch: { playbook: 'off' },
    intake: { token: TOKEN },
  };
  return stringify(inventory);
}
