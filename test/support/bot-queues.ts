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
    await obliterateQueues(
      connection,
      SUFFIXES.map((suffix) => `${namespace}-${suffix}`),
      `${namespace}-slack-outbound`,
    );
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
  const slots = await connection.keys(`${slotPrefix}:slack-slot:*`);
  if (slots.length > 0) await connection.del(...slots);
}
