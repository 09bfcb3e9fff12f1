import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { openJobConnection } from '../../src/jobs/job-connection.js';
import { queueNames } from '../../src/jobs/queue-names.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { startReportSchedules } from '../../src/reports/report-schedules.js';
import { startReports } from '../../src/reports/start-reports.js';

/**
 * Stopping the reports is bounded: with Redis down since start, and with a report in progress.
 * A regression shows as this file's test timeout (the close would wait for ever).
 */

describe('reports shutdown', () => {
  it('closes although Redis was down at start (the schedules never set up)', async () => {
    const inventory = parseInventory('platform: Test\n', 'inline.yml');
    const clients = createPlatformClients(inventory, silentLogger());
    // Never queried: no job can run without Redis.
    const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:1/none' });
    // Nothing listens on port 1: BullMQ's client retries for ever.
    const connection = openJobConnection('redis://127.0.0.1:1', silentLogger());
    try {
      const reports = startReports({
        connection,
        names: queueNames(`test-${randomUUID()}`),
        pool,
        inventory,
        clients,
        logger: silentLogger(),
        slackClient: () => undefined,
      });
      await reports.close(200);
    } finally {
      connection.disconnect();
      await pool.end();
      await clients.close();
    }
  });

  it('closes within its grace while a report is in progress, forcing the worker', async () => {
    const queueName = `test-reports-${randomUUID()}`;
    const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    let running: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const schedules = await startReportSchedules({
      connection,
      queueName,
      patterns: { daily: '* * * * * *', weekly: '0 3 * * 0', monthly: '0 6 1 * *' },
      timezone: 'Africa/Dakar',
      logger: silentLogger(),
      run: async () => {
        running();
        await blocked;
      },
    });
    try {
      await started;
      await schedules.close(200);
    } finally {
      release();
      const queue = new Queue(queueName, { connection });
      await queue.obliterate({ force: true });
      await queue.close();
      // The force-closed job still holds its lock, and its scheduler may add the next one:
      // whatever obliterate left of this test's queue goes too.
      const left = await connection.keys(`bull:${queueName}:*`);
      if (left.length > 0) await connection.del(...left);
      connection.disconnect();
    }
  });
});
