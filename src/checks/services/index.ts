import type { CheckId, CheckKind } from '../check.js';
import { apiHealth } from './api-health.js';
import { celeryWorkers } from './celery-workers.js';
import { minioLive } from './minio-live.js';
import { rabbitmqPriority } from './rabbitmq-priority.js';
import { rabbitmqQueue } from './rabbitmq-queue.js';
import { redisKeys } from './redis-keys.js';
import { redisMemory } from './redis-memory.js';
import { redisPing } from './redis-ping.js';

/** Redis, RabbitMQ, Celery (Flower), API and MinIO checks, by id. */
export const serviceCheckKinds = {
  'redis.ping': redisPing,
  'redis.memory': redisMemory,
  'redis.keys': redisKeys,
  'rabbitmq.queue': rabbitmqQueue,
  'rabbitmq.priority': rabbitmqPriority,
  'celery.workers': celeryWorkers,
  'api.health': apiHealth,
  'minio.live': minioLive,
} satisfies Partial<Record<CheckId, CheckKind>>;
