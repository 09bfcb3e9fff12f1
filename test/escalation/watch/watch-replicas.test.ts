import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/config/schema.js';
import { feedFlapGuard } from '../../../src/escalation/watch/feed-flap-guard.js';
import { type RunningWatch, startWatch } from '../../../src/escalation/watch/start-watch.js';
import { openJobConnection } from '../../../src/jobs/job-connection.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../../src/playbooks/shared-diagnoses.js';
import { type Harness, startHarness, until } from '../escalation-harness.js';

// Two bot replicas watch two local API instances (HTTP peers whose answer the test sets) through
// the real `api` playbook, the shared diagnoses, the flap guard in PostgreSQL and one BullMQ job
// scheduler on the real Redis (a tick every 300 ms).
const status = { samaconso_api_1: 200, samaconso_api_2: 200 };
/** When each instance answered 503 (one probe per instance per run). */
const failedAnswers: Record<keyof typeof status, number[]> = { samaconso_api_1: [], samaconso_api_2: [] };
const peers: Server[] = [];
let harness: Harness;
let inventory: Inventory;
const clients: PlatformClients[] = [];
const watches: RunningWatch[] = [];
const queueName = `test-watch-replicas-${randomUUID().slice(0, 8)}`;

async function peer(name: keyof typeof status): Promise<string> {
  const server = createServer((_request, response) => {
    if (status[name] !== 200) failedAnswers[name].push(Date.now());
    response.writeHead(status[name], { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: status[name] === 200 ? 'ok' : 'unavailable' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
}

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
  const base = harness.inventory;
  inventory = {
    ...base,
    services: {
      ...base.services,
      api: [
        { name: 'samaconso_api_1', healthUrl: await peer('samaconso_api_1') },
        { name: 'samaconso_api_2', healthUrl: await peer('samaconso_api_2') },
      ],
    },
    escalation: {
      ...base.escalation,
      autoOpen: [
        { check: 'api.health', level: 'N3', atLeast: 2 },
        { check: 'api.health', level: 'N2' },
      ],
      watch: {
        playbook: 'api',
        every: 300,
        failuresBeforeOpen: 3,
        healthyBeforeRecovery: 1000,
        autoResolve: false,
      },
    },
  };
});

afterAll(async () => {
  await Promise.allSettled(watches.map((watch) => watch.close(1000)));
  for (const connection of connections) connection.disconnect();
  await Promise.allSettled(clients.map((client) => client.close()));
  for (const server of peers) server.close();
  const queue = new Queue(queueName, { connection: harness.redis });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await harness?.close();
});

async function incidents() {
  const { rows } = await harness.pool.query<{
    id: string;
    level: string;
    dedup_key: string;
    opened_at: Date;
  }>("SELECT id, level, dedup_key, opened_at FROM incidents WHERE state <> 'resolved' ORDER BY id");
  return rows;
}

async function eventCount(type: string): Promise<number> {
  const { rows } = await harness.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM incident_events WHERE type = $1',
    [type],
  );
  return rows[0]?.n ?? -1;
}

const connections: Redis[] = [];
function jobConnection(): Redis {
  const connection = openJobConnection('redis://127.0.0.1:6379', silentLogger());
  connections.push(connection);
  return connection;
}

describe('two replicas watching', () => {
  it('one incident after exactly 3 failing runs; the same one raised to N3 when both fail; recovery noted once', async () => {
    const runs: Array<{ replica: number; jobId: string | undefined; at: number }> = [];
    for (const replica of [1, 2]) {
      const platform = createPlatformClients(inventory, silentLogger());
      clients.push(platform);
      const service = harness.start({ workers: false });
      const diagnoses = shareDiagnoses({ inventory, clients: platform });
      watches.push(
        startWatch({
          // One connection per replica, as two processes would have.
          connection: jobConnection(),
          queueName,
          playbook: 'api',
          everyMs: 300,
          diagnoses,
          afterRun: feedFlapGuard(
            { pool: harness.pool, service, policy: inventory.escalation },
            silentLogger(),
          ),
          logger: silentLogger(),
          onRun: (_diagnosis, jobId) => runs.push({ replica, jobId, at: Date.now() }),
        }),
      );
    }
    await until('two healthy runs', () => runs.length >= 2);
    status.samaconso_api_1 = 503;
    await until('an incident', async () => (await incidents()).length > 0);
    const [opened] = await incidents();
    // api.health counts its targets together (an atLeast rule): one incident for the check.
    expect(opened).toMatchObject({ level: 'N2', dedup_key: 'check:api.health' });
    // Opened by the third failing run, not before. A run starts every 300 ms, whether the last one
    // has finished or not: on a loaded machine the fourth run's request can be answered before
    // the third run's opening transaction starts (CI saw it), so a fourth answer may come first.
    const openedAt = opened?.opened_at.getTime() ?? 0;
    const failedBefore = failedAnswers.samaconso_api_1.filter((at) => at <= openedAt).length;
    expect(failedBefore).toBeGreaterThanOrEqual(3);
    expect(failedBefore).toBeLessThanOrEqual(4);

    status.samaconso_api_2 = 503;
    await until('raised to N3', async () => (await incidents())[0]?.level === 'N3');
    expect(await eventCount('escalated')).toBe(1);

    status.samaconso_api_1 = 200;
    status.samaconso_api_2 = 200;
    await until('recovered', async () => (await eventCount('recovered')) === 1);
    const settled = runs.length;
    await until('three more runs', () => runs.length >= settled + 3);
    expect(await eventCount('recovered')).toBe(1);
    // The raise joined the incident once (its timeline says so); nothing else joined.
    expect(await eventCount('duplicate')).toBe(1);
    expect((await incidents()).map((row) => [row.dedup_key, row.level])).toEqual([
      ['check:api.health', 'N3'],
    ]);
    const ids = runs.map((run) => run.jobId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
