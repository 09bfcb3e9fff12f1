import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queueNames } from '../../src/jobs/queue-names.js';

/** A namespace of its own for one test file's bot, so its queues and job schedulers never meet another's. */
export function testQueueNamespace(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/**
 * Removes every queue (jobs, job schedulers, rate slots) of a bot's namespace from the machine's Redis.
 * A bot does not remove its schedulers on stop (other replicas still rely on them), so a test
 * that started one cleans up after it.
 */
export async function obliterateBotQueues(
  namespace: string,
  redisUrl = 'redis://127.0.0.1:6379',
): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    const names = queueNames(namespace);
    await obliterateQueues(connection, Object.values(names), names.outbound);
  } finally {
    connection.disconnect();
  }
}

/**
 * Removes named queues (jobs and job schedulers) and, with `slotPrefix` (the outbound queue's
 * name), its per-channel rate slots, which are plain keys beside the queue. Tests and benches.
 */
export async function obliterateQueues(
  connection: Redis,
  names: readonly string[],
  slotPrefix?: string,
): Promise<void> {
  for (const name of names) {
    const queue = new Queue(name, { connection });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  if (slotPrefix === undefined) return;
  const slots = await connection.keys(`${slotPrefix}:slack-*`);
  if (slots.length > 0) await connection.del(...slots);
}
