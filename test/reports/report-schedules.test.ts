import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { type ReportSchedules, startReportSchedules } from '../../src/reports/report-schedules.js';
import type { ReportThread } from '../../src/reports/report-thread.js';
import { scheduledReportRunner } from '../../src/reports/scheduled-report.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { eventually } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

/**
 * Two replicas on one queue with an every-second daily schedule (real Redis, real PostgreSQL): each
 * tick stores one report and posts it once. The inventory has no servers or services, so a report
 * is quick and its content is not the point here.
 */

let database: ScratchDatabase;
let pool: pg.Pool;
const queueName = `test-reports-${randomUUID()}`;
const connections: Redis[] = [];
const replicas: ReportSchedules[] = [];

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
});

afterAll(async () => {
  for (const replica of replicas) await replica.close();
  const cleaner = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const { Queue } = await import('bullmq');
  const queue = new Queue(queueName, { connection: cleaner });
  await queue.obliterate({ force: true });
  await queue.close();
  cleaner.disconnect();
  for (const connection of connections) connection.disconnect();
  await pool?.end();
  await database?.drop();
});

describe('report schedules', () => {
  it('fire once per tick with two replicas: one stored report and one post per occurrence', async () => {
    const inventory = parseInventory('platform: Test\nslack:\n  channels: [C0REPORTS]\n', 'inline.yml');
    const clients = createPlatformClients(inventory, silentLogger());
    const posts: { channel: string; thread: ReportThread }[] = [];
    const slotsRun: string[] = [];
    const runner = scheduledReportRunner({
      inventory,
      clients,
      pool,
      post: async (channel, thread) => {
        posts.push({ channel, thread });
        return `${posts.length}.000100`;
      },
    });
    // Daily every second; weekly and monthly far away, so that only daily ticks during the test.
    const patterns = { daily: '* * * * * *', weekly: '0 3 * * 0', monthly: '0 6 1 * *' };
    for (let replica = 0; replica < 2; replica += 1) {
      const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
      connections.push(connection);
      replicas.push(
        await startReportSchedules({
          connection,
          queueName,
          patterns,
          timezone: inventory.timezone,
          logger: silentLogger(),
          run: async (kind, slot) => {
            slotsRun.push(slot);
            await runner(kind, slot);
          },
        }),
      );
    }
    const storedReports = async () =>
      (await pool.query("SELECT 1 FROM reports WHERE kind = 'daily'")).rowCount ?? 0;
    await eventually('four daily reports stored', async () => (await storedReports()) >= 4);
    for (const replica of replicas.splice(0)) await replica.close();
    await clients.close();
    const stored = (
      await pool.query<{ slot: string; created_at: Date }>(
        "SELECT slot, created_at FROM reports WHERE kind = 'daily' ORDER BY id",
      )
    ).rows;

    expect(stored.length).toBeGreaterThanOrEqual(4);
    // Each occurrence is stored once and posted once. BullMQ delivers at least once (a job whose
    // lock lapsed on a loaded machine runs again on the other replica), so the runner may see a
    // slot twice: the store's unique slot is what keeps the second run from posting.
    expect(slotsRun.length).toBeGreaterThanOrEqual(stored.length);
    expect(new Set(stored.map((row) => row.slot)).size).toBe(stored.length);
    expect(posts).toHaveLength(stored.length);
    expect(posts.every((post) => post.channel === 'C0REPORTS')).toBe(true);
    // Occurrences of the every-second pattern: distinct fire times on whole seconds (a loaded
    // machine may miss a tick, which BullMQ skips rather than runs late).
    const times = stored.map((row) => Number(row.slot.split(':').at(-1))).sort((a, b) => a - b);
    for (let index = 1; index < times.length; index += 1)
      expect(((times[index] ?? 0) - (times[index - 1] ?? 0)) % 1000).toBe(0);
  });

  // After the ticking test, whose count of daily reports this one's row would change.
  it('a duplicated occurrence (the same slot run twice, e.g. a stalled job retried) is stored and posted once', async () => {
    const inventory = parseInventory('platform: Test\nslack:\n  channels: [C0REPORTS]\n', 'inline.yml');
    const clients = createPlatformClients(inventory, silentLogger());
    const posts: ReportThread[] = [];
    const runner = scheduledReportRunner({
      inventory,
      clients,
      pool,
      post: async (_channel, thread) => {
        posts.push(thread);
        return undefined;
      },
    });
    const slot = `daily:duplicate-${randomUUID()}`;
    try {
      await Promise.all([runner('daily', slot), runner('daily', slot)]);
    } finally {
      await clients.close();
    }
    const { rows } = await pool.query('SELECT 1 FROM reports WHERE slot = $1', [slot]);
    expect(rows).toHaveLength(1);
    expect(posts).toHaveLength(1);
  });

  it('a failed post (Slack down) leaves the report stored; the retry posts that report without collecting again', async () => {
    const inventory = parseInventory('platform: Test\nslack:\n  channels: [C0REPORTS]\n', 'inline.yml');
    const clients = createPlatformClients(inventory, silentLogger());
    const posts: ReportThread[] = [];
    let slackDown = true;
    const runner = scheduledReportRunner({
      inventory,
      clients,
      pool,
      post: async (_channel, thread, mainPosted) => {
        if (slackDown) throw new Error('An API error occurred: service_unavailable');
        posts.push(thread);
        await mainPosted('1700000000.000100');
      },
    });
    const slot = `daily:retried-${randomUUID()}`;
    const row = async () =>
      (
        await pool.query<{ n: number; created_at: Date; posted_at: Date | null; slack_ts: string | null }>(
          'SELECT count(*) OVER ()::int AS n, created_at, posted_at, slack_ts FROM reports WHERE slot = $1',
          [slot],
        )
      ).rows[0];
    try {
      await expect(runner('daily', slot)).rejects.toThrow('service_unavailable');
      const first = await row();
      expect(first).toMatchObject({ n: 1, posted_at: null, slack_ts: null });
      slackDown = false;
      await runner('daily', slot);
      // The stored report, not a second collection: the same row, the same creation time.
      const after = await row();
      expect(after).toMatchObject({ n: 1, slack_ts: '1700000000.000100' });
      expect(after?.created_at.toISOString()).toBe(first?.created_at.toISOString());
      expect(after?.posted_at).not.toBeNull();
      expect(posts).toHaveLength(1);
      expect(posts[0]?.main.context?.join(' ')).toContain(
        new Intl.DateTimeFormat('fr-FR', {
          dateStyle: 'short',
          timeStyle: 'short',
          timeZone: inventory.timezone,
        }).format(first?.created_at),
      );
      // Posted: a further run of the occurrence posts nothing.
      await runner('daily', slot);
      expect(posts).toHaveLength(1);
    } finally {
      await clients.close();
    }
  });
});
