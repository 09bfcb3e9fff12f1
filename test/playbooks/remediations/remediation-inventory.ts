import { type Inventory, inventorySchema } from '../../../src/config/schema.js';

/** An inventory shaped like the runbook's three servers, for tests that never connect. */
export function remediationInventory(): Inventory {
  const server = (name: string, role: string, containers: string[]) => ({
    name,
    role,
    host: '127.0.0.1',
    user: 'samaops',
    privateKey: 'unused',
    insecureAcceptAnyHostKey: true,
    containers,
    mountPoints: ['/', '/data'],
  });
  return inventorySchema.parse({
    servers: [
      server('db', 'db', ['samaconso_minio']),
      server('api', 'api', ['samaconso_api_1', 'samaconso_api_2']),
      server('workers', 'workers', ['samaconso_celery_worker_1', 'samaconso_celery_worker_2']),
    ],
    services: {
      postgres: { url: 'postgresql://samaconso_user:secret@127.0.0.1:6432/samaconso' },
      redis: { url: 'redis://127.0.0.1:6379/0' },
      rabbitmq: { url: 'amqp://guest:guest@127.0.0.1:5672/samaconso' },
      api: [
        { name: 'samaconso_api_1', healthUrl: 'http://127.0.0.3:8001/health', server: 'api' },
        { name: 'samaconso_api_2', healthUrl: 'http://127.0.0.3:8002/health', server: 'api' },
      ],
    },
    thresholds: { longQuerySeconds: 300 },
  });
}
