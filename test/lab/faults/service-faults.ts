import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { docker, waitHealthy } from '../lab-containers.js';
import { signal, waitUntil } from '../lab-process.js';
import { publish, queueState } from '../lab-rabbitmq.js';
import { LAB_DIR, labServices } from '../lab-topology.js';
import type { LabFault } from './lab-fault.js';

/** Faults on the lab's Redis and on the Celery side (RabbitMQ queues, workers, Flower). */

const redisTarget = `${labServices.redis.address}:${labServices.redis.port}/0`;
const flowerTarget = `${labServices.flower.address}:${labServices.flower.port}`;
/** Messages published by the queue faults: past the lab's queueDepth warn (100). */
const BACKLOG = 150;
const FILL_PREFIX = 'samaops-lab:fill:';

function labRedis(): Redis {
  return new Redis({
    host: labServices.redis.address,
    port: labServices.redis.port,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
}

async function memoryRatio(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const used = Number(/used_memory:(\d+)/.exec(info)?.[1]);
  const max = Number(/maxmemory:(\d+)/.exec(info)?.[1]);
  return used / max;
}

/** Keys written until used memory passes 93 % of maxmemory (noeviction: past 100 % writes fail). */
export const redisFull: LabFault = {
  name: 'redis-full',
  description: `the lab Redis filled past 90 % of its ${labServices.redis.maxmemory} maxmemory`,
  async inject() {
    const redis = labRedis();
    await redis.connect();
    try {
      const chunk = 'x'.repeat(64 * 1024);
      let index = 0;
      while ((await memoryRatio(redis)) < 0.93) {
        const pipeline = redis.pipeline();
        for (let each = 0; each < 8; each += 1) pipeline.set(`${FILL_PREFIX}${index++}`, chunk);
        await pipeline.exec();
      }
      return { keys: index };
    } finally {
      redis.disconnect();
    }
  },
  async heal() {
    const redis = labRedis();
    await redis.connect();
    try {
      for (;;) {
        const [cursor, keys] = await redis.scan(0, 'MATCH', `${FILL_PREFIX}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        if (cursor === '0' && keys.length === 0) break;
      }
      await waitUntil('redis memory back under 50 %', async () => (await memoryRatio(redis)) < 0.5, 10_000);
    } finally {
      redis.disconnect();
    }
  },
  detectedBy: [{ id: 'redis.memory', target: redisTarget }],
};

function pidOf(container: string): number {
  const state = JSON.parse(readFileSync(join(LAB_DIR, 'containers', container, 'state.json'), 'utf8')) as {
    pid: number;
  };
  return state.pid;
}

const cancelledFile = join(LAB_DIR, 'celery', 'cancelled', 'samaconso_celery_worker_1');

/** Worker 1 stops consuming `high_priority` (Celery's cancel_consumer), and messages pile up there. */
export const queueBacklog: LabFault = {
  name: 'queue-backlog',
  description: `worker 1 cancels its high_priority consumer; ${BACKLOG} messages pile up`,
  async inject() {
    mkdirSync(join(LAB_DIR, 'celery', 'cancelled'), { recursive: true });
    writeFileSync(cancelledFile, 'high_priority\n');
    signal(pidOf('samaconso_celery_worker_1'), 'SIGUSR2');
    await waitUntil(
      'high_priority without consumer',
      async () => (await queueState('high_priority')).consumerCount === 0,
      10_000,
    );
    await publish('high_priority', BACKLOG, 'queue-backlog');
    return {};
  },
  async heal() {
    rmSync(cancelledFile, { force: true });
    signal(pidOf('samaconso_celery_worker_1'), 'SIGUSR2');
    await waitUntil(
      'high_priority served and drained',
      async () => {
        const { consumerCount, messageCount } = await queueState('high_priority');
        return consumerCount > 0 && messageCount === 0;
      },
      20_000,
    );
  },
  detectedBy: [{ id: 'rabbitmq.queue', target: 'high_priority' }],
};

/** `docker stop samaconso_celery_worker_2`: low_priority loses its consumer and grows. */
export const worker2Down: LabFault = {
  name: 'worker-2-down',
  description: `worker 2 stopped; ${BACKLOG} messages pile up in low_priority`,
  async inject() {
    await docker('workers', ['stop', 'samaconso_celery_worker_2']);
    await publish('low_priority', BACKLOG, 'worker-2-down');
    return {};
  },
  async heal() {
    await docker('workers', ['start', 'samaconso_celery_worker_2']);
    await waitHealthy('samaconso_celery_worker_2');
    await waitUntil(
      'low_priority drained',
      async () => {
        const { consumerCount, messageCount } = await queueState('low_priority');
        return consumerCount > 0 && messageCount === 0;
      },
      20_000,
    );
  },
  detectedBy: [
    { id: 'rabbitmq.queue', target: 'low_priority' },
    { id: 'celery.workers', target: flowerTarget },
    { id: 'docker.containers', target: 'workers' },
  ],
};
