import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/** The BullMQ queues a bot creates under its `SAMAOPS_QUEUE_NAMESPACE`. */
const SUFFIXES = ['escalation-timers', 'slack-outbound', 'watch', 'reports', 'alerts'];

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
    for (const suffix of SUFFIXES) {
      const queue = new Queue(`${namespace}-${suffix}`, { connection });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    // The outbound queue's per-channel rate slots are plain keys beside the queue.
    const slots = await connection.keys(`${namespace}-slack-outbound:slack-slot:*`);
    if (slots.length > 0) await connection.del(...slots);
  } finally {
    connection.disconnect();
  }
}
