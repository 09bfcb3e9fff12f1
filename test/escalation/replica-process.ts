/**
 * A bot replica for the kill -9 test: runs the escalation workers and reconciler against the
 * database and queues given in SAMAOPS_REPLICA (JSON), and prints each Slack DM it sends on stdout
 * as `DM <user> <text>`, so that the test counts pings across replicas.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Inventory } from '../../src/config/schema.js';
import { createEscalationService } from '../../src/escalation/escalation-service.js';
import { silentLogger } from '../../src/logging/logger.js';

const config = JSON.parse(process.env.SAMAOPS_REPLICA ?? '{}') as {
  databaseUrl: string;
  timersQueue: string;
  outboundQueue: string;
  pagesQueue: string;
  inventory: Inventory;
};
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
pool.on('error', () => undefined);
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
createEscalationService({
  pool,
  redis,
  inventory: config.inventory,
  logger: silentLogger(),
  timersQueue: config.timersQueue,
  outboundQueue: config.outboundQueue,
  pagesQueue: config.pagesQueue,
  channelIntervalMs: 50,
  sender: {
    async post(channel, message) {
      if (channel.startsWith('D'))
        process.stdout.write(`DM ${channel.slice(1)} ${String(message).replaceAll('\n', ' ')}\n`);
      return { channel, ts: `${Date.now() / 1000}` };
    },
    async update() {},
    async openDm(userId) {
      return `D${userId}`;
    },
  },
});
process.stdout.write('READY\n');
