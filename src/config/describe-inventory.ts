import type { Inventory } from './schema.js';

/** A secret-free summary of an inventory, for `samaops check-config`. */
export function describeInventory(inventory: Inventory): string {
  const { services, servers } = inventory;
  const hostOf = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  };
  const lines = [
    `platform: ${inventory.platform} (timezone ${inventory.timezone}, locale ${inventory.locale}, check timeout ${inventory.checkTimeoutMs} ms)`,
    `servers: ${servers.length}`,
    ...servers.map(
      (server) =>
        `  - ${server.name} [${server.role}] ${server.user}@${server.host}:${server.port}, host key ${
          server.hostKeyFingerprint ?? 'NOT PINNED (insecureAcceptAnyHostKey)'
        }, ${server.containers.length} container(s), mounts ${server.mountPoints.join(' ')}, ${server.logGlobs.length} log glob(s)`,
    ),
    `postgres: ${services.postgres ? hostOf(services.postgres.url) : 'not configured'}`,
    `redis: ${services.redis ? hostOf(services.redis.url) : 'not configured'}`,
    `rabbitmq: ${services.rabbitmq ? `${hostOf(services.rabbitmq.url)}, queues ${services.rabbitmq.queues.join(', ')}` : 'not configured'}`,
    `flower: ${services.flower ? `${hostOf(services.flower.url)}, ${services.flower.expectedWorkers} worker(s) expected` : 'not configured'}`,
    `minio: ${services.minio ? hostOf(services.minio.url) : 'not configured'}`,
    `api instances: ${services.api.map((api) => `${api.name} (${hostOf(api.healthUrl)})`).join(', ') || 'none'}`,
  ];
  return lines.join('\n');
}
