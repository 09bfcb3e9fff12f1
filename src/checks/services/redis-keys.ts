import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { redisTargets } from './redis-target.js';

/**
 * Runbook 10.1 Problème 5 (`DBSIZE`): how many keys the configured database holds. Informative
 * (no threshold: a normal key count depends on traffic); read beside `redis.memory` and used by
 * the FLUSHDB preview.
 */
export const redisKeys = defineCheck<null>({
  id: 'redis.keys',
  title: msg('check.redis.keys.title'),
  targets: redisTargets,
  async run({ clients }, _target, signal) {
    const redis = await clients.redis(signal);
    const count = await redis.dbsize();
    return {
      status: 'ok',
      value: count,
      unit: 'count',
      threshold: null,
      detail: msg('check.redis.keys.detail', { count }),
    };
  },
});
