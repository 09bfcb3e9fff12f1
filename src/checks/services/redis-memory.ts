import { byteCount, msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { infoInteger, parseRedisInfo } from './parse-redis-info.js';
import { redisTargets } from './redis-target.js';

/**
 * Runbook 10.1 Problème 5 (`INFO memory`): `used_memory` as a percent of `maxmemory`, held
 * against `thresholds.redisMemoryPercent`. With no limit (`maxmemory` 0) Redis grows until the
 * kernel kills it instead of refusing writes with a clear OOM error; the runbook sets a limit
 * (`--maxmemory 4gb`), so a missing limit is reported as `warn`, never `ok`.
 */
export const redisMemory = defineCheck<null>({
  id: 'redis.memory',
  title: msg('check.redis.memory.title'),
  targets: redisTargets,
  async run({ clients, inventory }, _target, signal) {
    const redis = await clients.redis(signal);
    const fields = parseRedisInfo(await redis.info('memory'));
    const used = infoInteger(fields, 'used_memory');
    const limit = infoInteger(fields, 'maxmemory');
    const policy = fields.get('maxmemory_policy') ?? '?';
    if (used === undefined || limit === undefined) {
      return {
        status: 'unknown',
        value: null,
        threshold: null,
        detail: msg('check.redis.memory.unreadable'),
      };
    }
    const data = { usedBytes: used, maxmemoryBytes: limit, policy };
    const usedText = byteCount(used);
    if (limit === 0) {
      return {
        status: 'warn',
        value: used,
        unit: 'bytes',
        threshold: null,
        detail: msg('check.redis.memory.noLimit', { used: usedText, policy }),
        data,
      };
    }
    const percent = Math.round((used / limit) * 1000) / 10;
    const threshold = above(inventory.thresholds.redisMemoryPercent, '%');
    return {
      status: grade(percent, threshold),
      value: percent,
      unit: '%',
      threshold,
      detail: msg('check.redis.memory.detail', { used: usedText, limit: byteCount(limit), percent, policy }),
      data,
    };
  },
});
