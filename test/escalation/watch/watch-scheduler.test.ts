import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/checks/run-checks.js';
import { type RunningWatch, startWatch } from '../../../src/escalation/watch/start-watch.js';
import { openJobConnection } from '../../../src/jobs/job-connection.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { PlaybookId } from '../../../src/playbooks/diagnose-playbooks.js';
import { until } from '../escalation-harness.js';

// Two replicas upsert the same job scheduler on one queue (real Redis): each tick is one job,
// run by one of them.
const queueName = `test-watch-${randomUUID().slice(0, 8)}`;
const watches: RunningWatch[] = [];
const connections: Redis[] = [];

afterAll(async () => {
  await Promise.allSettled(watches.map((watch) => watch.close(500)));
  for (const connection of connections) connection.disconnect();
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection: redis });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  redis.disconnect();
});

describe('the watch scheduler', () => {
  it('runs each tick exactly once across two replicas', async () => {
    const runs: Array<{ replica: number; jobId: string | undefined }> = [];
    const playbooks = new Set<PlaybookId>();
    const replica = (index: number) =>
      startWatch({
        // One connection per replica, as two processes would have.
        connection: connections[
          connections.push(openJobConnection('redis://127.0.0.1:6379', silentLogger())) - 1
        ] as Redis,
        queueName,
        playbook: 'api',
        everyMs: 300,
        logger: silentLogger(),
        afterRun: async () => undefined,
        diagnoses: {
          async run(playbook) {
            playbooks.add(playbook);
            // A run that takes a while, so that both replicas are busy at times.
            await new Promise((resolve) => setTimeout(resolve, 50));
            return { results: [] } as unknown as Diagnosis;
          },
        },
        onRun: (_diagnosis, jobId) => runs.push({ replica: index, jobId }),
      });
    const started = Date.now();
    watches.push(replica(1), replica(2));
    await Promise.all(watches.map((watch) => watch.ready));
    await until('10 ticks', () => runs.length >= 10);
    const elapsed = Date.now() - started;
    await Promise.all(watches.map((watch) => watch.close(1000)));
    const ids = runs.map((run) => run.jobId);
    expect(new Set(ids).size).toBe(ids.length);
    // One job per tick: never more runs than ticks elapsed (plus the first, immediate one).
    expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / 300) + 1);
    expect([...playbooks]).toEqual(['api']);
  });
});
