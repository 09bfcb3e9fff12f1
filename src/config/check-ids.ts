/**
 * The check ids: a contract that playbooks, remediations, incidents, SLOs and tests rely on. Kept
 * here, below the checks, so that the inventory's schema can name them; src/checks/check.ts
 * re-exports them with the checks.
 */
export const checkIds = [
  'host.reachable',
  'host.wrapper',
  'disk.usage',
  'docker.containers',
  'logs.errors',
  'postgres.ping',
  'postgres.connections',
  'postgres.long_queries',
  'postgres.blocking',
  'postgres.cache_hit',
  'postgres.slow_statements',
  'redis.ping',
  'redis.memory',
  'redis.keys',
  'rabbitmq.queue',
  'rabbitmq.priority',
  'celery.workers',
  'api.health',
  'minio.live',
] as const;
