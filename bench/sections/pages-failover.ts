import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { GatewayConfig } from '../../src/config/notifications-schema.js';
import type { PolicySnapshot, SnapshotPerson } from '../../src/core/escalation/policy-snapshot.js';
import { createEscalationService } from '../../src/escalation/escalation-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { httpGateway } from '../../src/outbound/http-gateway.js';
import { webClientSender } from '../../src/outbound/slack-sender.js';
import { migrate } from '../../src/store/migrate.js';
import { testInventory } from '../../test/handlers/test-inventory.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { obliterateQueues } from '../../test/support/bot-queues.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import { SmsGatewayDouble } from '../../test/support/sms-gateway-double.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const INCIDENTS = 200;
/** Ack deadlines spread over this many seconds (BENCH_PAGES_SPREAD_S). */
const SPREAD_S = Number(process.env.BENCH_PAGES_SPREAD_S ?? 20);
const N1 = { slackId: 'UBENCHN1', phone: '+221770000101' };
const N2 = { slackId: 'UBENCHN2', phone: '+221770000102' };
const LATER = 600_000;

/** The two people: Slack at once, SMS 10 minutes later; an SMS during the run came by failover. */
const person = (who: typeof N1, role: 'support_n1' | 'devops'): SnapshotPerson => ({
  slackId: who.slackId,
  name: who.slackId,
  roles: [role],
  availability: '24/7',
  phone: who.phone,
  notify: [
    { channel: 'slack', after: 0, levels: ['N1', 'N2', 'N3'] },
    { channel: 'sms', after: LATER, levels: ['N1', 'N2', 'N3'] },
  ],
});

/** One incident's policy: its N1 ack deadline at `due`, nothing else due during the run. */
function snapshotFor(due: number, timezone: string): PolicySnapshot {
  const level = (roles: PolicySnapshot['levels']['N1']['roles'], ackTimeoutMs: number) => ({
    roles,
    ackTimeoutMs,
    repeatEveryMs: 3_600_000,
    resolveWithinMs: 7_200_000,
  });
  return {
    timezone,
    levels: {
      N1: level(['support_n1'], due - Date.now()),
      N2: level(['devops'], 3_600_000),
      N3: level(['lead'], 3_600_000),
    },
    team: [person(N1, 'support_n1'), person(N2, 'devops')],
  };
}

/**
 * Issue 17: Slack is down (the strict double answers every call `fatal_error`) and has been for
 * longer than `failoverAfter`; 200 N1 incidents reach their ack deadline, spread over 20 s. Each
 * escalates to N2, whose Slack DM fails and goes by SMS at once (the rule's SMS is 10 minutes
 * later). Measured: the ack deadline to the SMS gateway double receiving the N2 page, on the real
 * PostgreSQL and Redis, the bot's WebClient and HTTP gateway; pages lost and duplicated.
 */
export async function pagesFailoverBench(): Promise<BenchRow[]> {
  const database = await createScratchDatabase('samaops_bench_pages');
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  pool.on('error', () => undefined);
  await migrate(pool);
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const id = randomUUID().slice(0, 8);
  const names = {
    timersQueue: `bench-pages-timers-${id}`,
    outboundQueue: `bench-pages-out-${id}`,
    pagesQueue: `bench-pages-pages-${id}`,
  };
  const slack = await new SlackApiDouble().start();
  const token = `bench-${id}`;
  const sms = await new SmsGatewayDouble(token).start();
  const { inventory, remove } = testInventory({});
  remove();
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 15_000, randomize: true },
  });
  const gateway = { ...(sms.inventorySection('UNUSED') as GatewayConfig), method: 'POST' as const };
  const service = createEscalationService({
    pool,
    redis,
    sender: webClientSender(() => client, inventory.locale),
    inventory,
    logger: silentLogger(),
    ...names,
    pagers: {
      sms: httpGateway({ ...gateway, headers: { Authorization: `Bearer ${token}` }, timeoutMs: 10_000 }),
    },
    ackLinkFor: (incident, who, generation) => `https://samaops.bench/ack/${incident}/${who}/${generation}`,
    failoverAfterMs: 1000,
    outboundConcurrency: 16,
  });
  try {
    slack.down({ status: 200, error: 'fatal_error' });
    const base = Date.now() + 15_000;
    const due = new Map<number, number>();
    for (let index = 0; index < INCIDENTS; index += 1) {
      const at = base + Math.floor((index * SPREAD_S * 1000) / INCIDENTS);
      const outcome = await service.open({
        dedupKey: `bench-${index}`,
        title: `bench ${index}`,
        source: 'bench',
        level: 'N1',
        by: N1.slackId,
        snapshot: snapshotFor(at, inventory.timezone),
      });
      due.set(outcome.incident.id, at);
    }
    const openedLateBy = Date.now() - base;
    const incidentOf = (text: string) => Number(/#(\d+)/.exec(text)?.[1]);
    const deadline = base + SPREAD_S * 1000 + 60_000;
    while (
      Date.now() < deadline &&
      new Set(sms.to(N2.phone).map((m) => incidentOf(m.text))).size < INCIDENTS
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Late duplicates, if any, have a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const received = sms.to(N2.phone);
    const latency = received.flatMap((message) => {
      const at = due.get(incidentOf(message.text));
      return at === undefined ? [] : [message.wallClock - at];
    });
    const perIncident = new Map<number, number>();
    for (const message of received)
      perIncident.set(incidentOf(message.text), (perIncident.get(incidentOf(message.text)) ?? 0) + 1);
    const n1 = new Map<number, number>();
    for (const message of sms.to(N1.phone))
      n1.set(incidentOf(message.text), (n1.get(incidentOf(message.text)) ?? 0) + 1);
    const lost = INCIDENTS - perIncident.size + (INCIDENTS - n1.size);
    const duplicated = [...perIncident.values(), ...n1.values()].filter((count) => count > 1).length;
    const stats = summarise(latency);
    const section = 'pages-failover';
    return [
      {
        section,
        measure: `ack deadline → SMS gateway, Slack down, p50 (${INCIDENTS} incidents over ${SPREAD_S} s)`,
        value: round1(stats.median),
        unit: 'ms',
        details: { ...stats, openedLateBy },
      },
      { section, measure: 'ack deadline → SMS gateway, p99', value: round1(stats.p99), unit: 'ms' },
      { section, measure: 'ack deadline → SMS gateway, max', value: round1(stats.max), unit: 'ms' },
      {
        section,
        measure: 'pages lost / duplicated (N1 and N2 SMS)',
        value: lost + duplicated,
        unit: '',
        goal: '= 0',
        met: lost === 0 && duplicated === 0,
        details: { lost, duplicated },
      },
    ];
  } finally {
    await service.close({ graceMs: 2000 });
    await obliterateQueues(redis, Object.values(names), names.outboundQueue);
    redis.disconnect();
    await pool.end();
    await database.drop();
    await Promise.all([slack.stop(), sms.stop()]);
  }
}
