import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBotHeartbeat } from '../../src/app/start-heartbeat.js';
import { createEscalationService, type EscalationService } from '../../src/escalation/escalation-service.js';
import { settlesWithin } from '../../src/lifecycle/settles-within.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Heartbeat } from '../../src/observability/heartbeat.js';
import { createReadinessProbe, type ReadinessProbe } from '../../src/observability/readiness.js';
import { markLoopSuccess } from '../../src/store/loops/loop-marks.js';
import { migrate } from '../../src/store/migrate.js';
import { type OwnRedis, startOwnRedis } from '../checks/services/own-redis.js';
import { recordingSender } from '../escalation/escalation-harness.js';
import { testInventory } from '../handlers/test-inventory.js';
import { type HttpPeer, startHttpPeer } from '../support/http-peer.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

const logger = silentLogger();
const WATCH_EVERY_MS = 60_000;
const fixture = testInventory();
let scratch: ScratchDatabase;
let pool: pg.Pool;
let monitor: HttpPeer;

beforeAll(async () => {
  fixture.remove();
  scratch = await createScratchDatabase('samaops_heartbeat');
  pool = new pg.Pool({ connectionString: scratch.url, max: 8 });
  pool.on('error', () => undefined);
  await migrate(pool);
  monitor = await startHttpPeer();
  monitor.answer('/ping/samaops', { status: 200, body: 'OK' });
});

afterAll(async () => {
  await monitor?.close();
  await pool?.end();
  await scratch?.drop();
});

/** The bot's loops on a Redis of the test's own (killed in one test), the machine's PostgreSQL. */
interface Loops {
  redis: OwnRedis;
  connection: Redis;
  escalation: EscalationService;
  readiness: ReadinessProbe;
  heartbeat: Heartbeat;
}
let loops: Loops;

beforeEach(async () => {
  await pool.query('TRUNCATE incident_outbox, loop_marks');
  const redis = await startOwnRedis();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const id = randomUUID().slice(0, 8);
  const escalation = createEscalationService({
    pool,
    redis: connection,
    sender: recordingSender(),
    inventory: fixture.inventory,
    logger,
    timersQueue: `test-hb-timers-${id}`,
    outboundQueue: `test-hb-out-${id}`,
  });
  const readiness = createReadinessProbe({ databaseUrl: scratch.url, redisUrl: redis.url }, logger);
  const heartbeat = startBotHeartbeat(
    { url: `${monitor.url}/ping/samaops`, everyMs: 600_000 },
    { escalation, pool, readiness, watchEveryMs: WATCH_EVERY_MS, startedAt: Date.now() },
    {},
    logger,
  );
  loops = { redis, connection, escalation, readiness, heartbeat };
  await expect.poll(() => escalation.timerWorkerAlive(), { timeout: 60_000 }).toBe(true);
});

afterEach(async () => {
  loops.heartbeat.close();
  // Bounded: with the test's Redis killed, BullMQ's close would wait for it.
  await settlesWithin(loops.escalation.close({ graceMs: 500, force: true }), 5000);
  loops.connection.disconnect();
  await loops.readiness.close();
  await loops.redis.stop();
});

/** One tick, and whether it reached the monitor. */
async function tick() {
  const before = monitor.requests.length;
  const outcome = await loops.heartbeat.tick();
  return { outcome, pushed: monitor.requests.length - before };
}

describe("the dead-man's switch over the bot's real loops", () => {
  it('beats while every loop is healthy', async () => {
    expect(await tick()).toEqual({ outcome: { kind: 'beat', status: 200 }, pushed: 1 });
    expect(monitor.requests.at(-1)?.path).toBe('/ping/samaops');
  });

  it('stops beating when the timer worker is stopped', async () => {
    expect((await tick()).pushed).toBe(1);
    await loops.escalation.close({ graceMs: 1000 });
    expect(loops.escalation.timerWorkerAlive()).toBe(false);
    expect(await tick()).toEqual({ outcome: { kind: 'held', unhealthy: ['timer-worker'] }, pushed: 0 });
  });

  it('stops beating when Redis is killed', async () => {
    expect((await tick()).pushed).toBe(1);
    await loops.redis.stop();
    const { outcome, pushed } = await tick();
    expect(pushed).toBe(0);
    expect(outcome.kind === 'held' && outcome.unhealthy).toContain('redis');
  });

  it('stops beating while a page waits undelivered for more than 2 minutes', async () => {
    await pool.query(
      `INSERT INTO incidents (dedup_key, title, source, level, state, policy, generation, opened_by, opened_at)
       VALUES ('hb', 'Heartbeat', 'test', 'N1', 'open', '{}', 1, 'UTEST', now()) ON CONFLICT DO NOTHING`,
    );
    const { rows } = await pool.query<{ id: string }>("SELECT id FROM incidents WHERE dedup_key = 'hb'");
    await pool.query(
      `INSERT INTO incident_outbox (incident_id, kind, record, created_at) VALUES ($1, 'thread', '{}', $2)`,
      [rows[0]?.id, new Date(Date.now() - 90_000)],
    );
    expect((await tick()).pushed).toBe(1);
    await pool.query('UPDATE incident_outbox SET created_at = $1', [new Date(Date.now() - 180_000)]);
    expect(await tick()).toEqual({ outcome: { kind: 'held', unhealthy: ['outbox'] }, pushed: 0 });
  });

  it('stops beating when the watch has not run for two intervals', async () => {
    loops.heartbeat.close();
    const longAgo = Date.now() - 10 * WATCH_EVERY_MS;
    loops.heartbeat = startBotHeartbeat(
      { url: `${monitor.url}/ping/samaops`, everyMs: 600_000 },
      { ...loops, pool, watchEveryMs: WATCH_EVERY_MS, startedAt: longAgo },
      {},
      logger,
    );
    await markLoopSuccess(pool, 'watch', Date.now() - 3 * WATCH_EVERY_MS);
    expect(await tick()).toEqual({ outcome: { kind: 'held', unhealthy: ['watch'] }, pushed: 0 });
    await markLoopSuccess(pool, 'watch');
    expect((await tick()).pushed).toBe(1);
  });
});
