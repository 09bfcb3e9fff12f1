import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { PolicySnapshot } from '../../src/core/escalation/policy-snapshot.js';
import { createEscalationService } from '../../src/escalation/escalation-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { SlackSender } from '../../src/outbound/slack-sender.js';
import { migrate } from '../../src/store/migrate.js';
import { testInventory } from '../../test/handlers/test-inventory.js';
import { obliterateQueues } from '../../test/support/bot-queues.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const INCIDENTS = 1000;
/** Deadlines spread over this many seconds (the 60 s; BENCH_ESCALATION_SPREAD_S shortens it). */
const SPREAD_S = Number(process.env.BENCH_ESCALATION_SPREAD_S ?? 60);
const N2 = 'UBENCHN2';
const N3 = 'UBENCHN3';

/**
 * Issue 6: 1,000 open N2 incidents whose ack deadlines are spread over 60 s, on the real
 * PostgreSQL and Redis. Each deadline escalates its incident to N3 once: lateness is the step's
 * time minus the deadline; a ping is the N3 DM the outbound worker hands to Slack (a recording
 * sender here, with the per-channel gap at 1 ms: Slack's own pacing is not what is measured).
 */
export async function escalationBench(): Promise<BenchRow[]> {
  const database = await createScratchDatabase('samaops_bench_escalation');
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  pool.on('error', () => undefined);
  await migrate(pool);
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const id = randomUUID().slice(0, 8);
  const names = {
    timersQueue: `bench-esc-timers-${id}`,
    outboundQueue: `bench-esc-out-${id}`,
    pagesQueue: `bench-esc-pages-${id}`,
  };
  const { inventory, remove } = testInventory({
    team: [
      { slackId: N2, name: 'N2', roles: ['devops'] },
      { slackId: N3, name: 'N3', roles: ['lead'] },
    ],
  });
  remove();
  const pings = new Map<number, number>();
  const sender: SlackSender = {
    async post(channel, message) {
      const text = typeof message === 'string' ? message : message.title;
      const incident = /#(\d+)/.exec(text)?.[1];
      if (channel === `D${N3}` && incident)
        pings.set(Number(incident), (pings.get(Number(incident)) ?? 0) + 1);
      return { channel, ts: `${Date.now() / 1000}` };
    },
    async update() {},
    async openDm(userId) {
      return `D${userId}`;
    },
  };
  const lateness: number[] = [];
  const service = createEscalationService({
    pool,
    redis,
    sender,
    inventory,
    logger: silentLogger(),
    ...names,
    channelIntervalMs: 1,
    outboundConcurrency: 16,
    onTimerFired: (data, firedAt) => {
      if (data.kind === 'ack') lateness.push(firedAt - data.dueAt);
    },
  });
  let rssMax = 0;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 250);
  try {
    const base = Date.now() + 15_000;
    const level = (ackTimeoutMs: number) => ({
      roles: [] as never[],
      ackTimeoutMs,
      repeatEveryMs: 3_600_000,
      resolveWithinMs: 7_200_000,
    });
    for (let index = 0; index < INCIDENTS; index += 1) {
      const now = Date.now();
      const due = base + Math.floor((index * SPREAD_S * 1000) / INCIDENTS);
      const snapshot: PolicySnapshot = {
        timezone: inventory.timezone,
        levels: {
          N1: level(3_600_000),
          N2: { ...level(due - now), roles: ['devops'] },
          N3: { ...level(3_600_000), roles: ['lead'] },
        },
        team: inventory.team,
      };
      await service.open({
        dedupKey: `bench-${index}`,
        title: `bench ${index}`,
        source: 'bench',
        level: 'N2',
        by: N2,
        snapshot,
      });
    }
    const openedLateBy = Date.now() - base;
    const deadline = base + SPREAD_S * 1000 + 30_000;
    while (Date.now() < deadline && (lateness.length < INCIDENTS || pings.size < INCIDENTS)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await pool.query<{ escalations: string }>(
      `SELECT count(*) AS escalations FROM incident_events WHERE type = 'escalated' GROUP BY incident_id`,
    );
    const escalated = rows.length;
    const duplicateSteps = rows.filter((row) => Number(row.escalations) > 1).length;
    const duplicatePings = [...pings.values()].filter((count) => count > 1).length;
    const lost = INCIDENTS - Math.min(escalated, pings.size);
    const stats = summarise(lateness);
    const section = 'escalation';
    return [
      {
        section,
        measure: `ping lateness p50 (${INCIDENTS} deadlines over ${SPREAD_S} s)`,
        value: round1(stats.median),
        unit: 'ms',
        details: { ...stats, openedLateBy },
      },
      {
        section,
        measure: 'ping lateness p99',
        value: round1(stats.p99),
        unit: 'ms',
        goal: '< 250',
        met: stats.p99 < 250,
      },
      { section, measure: 'ping lateness max', value: round1(stats.max), unit: 'ms' },
      { section, measure: 'lost pings', value: lost, unit: '', goal: '= 0', met: lost === 0 },
      {
        section,
        measure: 'duplicate pings',
        value: duplicatePings + duplicateSteps,
        unit: '',
        goal: '= 0',
        met: duplicatePings + duplicateSteps === 0,
        details: { duplicatePings, duplicateSteps },
      },
      { section, measure: 'bot rss max during the run', value: round1(rssMax / 1_048_576), unit: 'MiB' },
    ];
  } finally {
    clearInterval(sampler);
    await service.close({ graceMs: 2000 });
    await obliterateQueues(redis, Object.values(names), names.outboundQueue);
    redis.disconnect();
    await pool.end();
    await database.drop();
  }
}
