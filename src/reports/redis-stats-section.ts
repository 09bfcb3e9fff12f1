import { infoInteger, parseRedisInfo } from '../checks/services/parse-redis-info.js';
import { msg } from '../i18n/message.js';
import { linesSection } from './lines-section.js';

/**
 * Runbook §9.2 `redis-cli INFO stats`: the cache hit ratio since the last restart and the keys
 * evicted for lack of memory (any eviction means the cache lost data it was asked to keep: warn).
 */
export const redisStats = linesSection(
  'redis-stats',
  msg('report.section.redisStats'),
  async ({ clients, signal }) => {
    const fields = parseRedisInfo(await (await clients.redis(signal)).info('stats'));
    const hits = infoInteger(fields, 'keyspace_hits') ?? 0;
    const misses = infoInteger(fields, 'keyspace_misses') ?? 0;
    const evicted = infoInteger(fields, 'evicted_keys') ?? 0;
    const ratio = hits + misses === 0 ? null : Math.round((hits / (hits + misses)) * 1000) / 10;
    return [
      {
        label: 'keyspace',
        status: 'ok',
        text: msg('report.redis.hitRatio', { ratio: ratio ?? '—', hits, misses }),
        metric: 'redis:hit-ratio',
        value: ratio,
        unit: '%',
      },
      {
        label: 'evicted_keys',
        status: evicted > 0 ? 'warn' : 'ok',
        text: msg('report.redis.evictions', { evicted }),
        metric: 'redis:evicted',
        value: evicted,
        unit: 'count',
      },
    ];
  },
);
