import { Redis } from 'ioredis';
import { infoInteger, parseRedisInfo } from '../../checks/services/parse-redis-info.js';
import { redisTargets } from '../../checks/services/redis-target.js';
import type { Inventory } from '../../config/schema.js';
import type { Remediation, RemediationContext } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { abortable } from '../../lifecycle/reconnecting.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { ServiceNotConfiguredError } from '../../platform/platform-clients.js';
import { accepted, refusedUsage } from './parse-words.js';

/** FLUSHDB on a large database blocks Redis for a while: its bound, ms. */
const FLUSH_TIMEOUT_MS = 60_000;

const usage = msg('usage.flushRedis');

/** Keys and memory of the configured Redis database. */
interface RedisFacts {
  keys: number;
  usedMemory: number;
  usedMemoryHuman: string;
}

/**
 * Runbook 10.1 Problème 5: `FLUSHDB` on the configured database (never FLUSHALL), through a
 * dedicated short-lived client: the checks' client stays bounded for checks and is never used to write.
 */
export const flushRedis: Remediation = {
  id: 'flush-redis',
  usage,
  parse: (words) => (words.length === 0 ? accepted({}) : refusedUsage(usage)),
  tier: () => 3,
  targetKey: (_args, inventory) => `redis:${redisName(inventory)}`,
  targetLabel: (_args, inventory) => redisName(inventory),
  async preview(context) {
    const facts = await withRedis(context, readFacts);
    return {
      lines: [
        msg('fix.flushRedis.preview', {
          target: redisName(context.inventory),
          keys: facts.keys,
          memory: facts.usedMemoryHuman,
        }),
      ],
      data: { ...facts },
    };
  },
  evidence: async (context) => ({ ...(await withRedis(context, readFacts)) }),
  async run(context) {
    const { before, after, answer } = await withRedis(context, async (redis) => {
      const before = await readFacts(redis);
      const answer = await redis.flushdb();
      return { before, after: await readFacts(redis), answer };
    });
    return {
      ok: answer === 'OK',
      summary: msg('fix.flushRedis.done', {
        target: redisName(context.inventory),
        keys: before.keys,
        remaining: after.keys,
      }),
      output: `FLUSHDB: ${answer}; keys ${before.keys} → ${after.keys}; memory ${before.usedMemoryHuman} → ${after.usedMemoryHuman}`,
      data: { before, after },
    };
  },
  verifiedBy: (_args, inventory) => [{ id: 'redis.memory', target: redisName(inventory) }],
};

function redisName(inventory: Inventory): string {
  return redisTargets(inventory)[0]?.name ?? 'redis';
}

async function readFacts(redis: Redis): Promise<RedisFacts> {
  const keys = await redis.dbsize();
  const info = parseRedisInfo(await redis.info('memory'));
  return {
    keys,
    usedMemory: infoInteger(info, 'used_memory') ?? 0,
    usedMemoryHuman: info.get('used_memory_human') ?? '?',
  };
}

/** Opens a client on `services.redis.url`, runs `work`, and always disconnects. */
async function withRedis<T>(context: RemediationContext, work: (redis: Redis) => Promise<T>): Promise<T> {
  const config = context.inventory.services.redis;
  if (!config) throw new ServiceNotConfiguredError('redis');
  const redis = new Redis(config.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: context.inventory.checkTimeoutMs,
    commandTimeout: FLUSH_TIMEOUT_MS,
    retryStrategy: () => null,
    connectionName: 'samaops-remediation',
  });
  redis.on('error', (error: Error) =>
    context.logger.debug({ err: scrubSecrets(error.message) }, 'redis remediation client error'),
  );
  try {
    await abortable(redis.connect(), context.signal);
    return await abortable(work(redis), context.signal);
  } finally {
    redis.disconnect();
  }
}
