import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { unreachable } from '../unreachable.js';
import { redisTargets } from './redis-target.js';

/**
 * Runbook 10.2 `redis-cli ping`, timed. Held against the database latency band (100 / 500 ms):
 * Redis sits on the same request path as PostgreSQL (cache, Celery results) and is normally far
 * faster, so the same targets are generous. A silent Redis is a down Redis: timeout means fail.
 */
export const redisPing = defineCheck<null>({
  id: 'redis.ping',
  title: msg('check.redis.ping.title'),
  onTimeout: 'fail',
  targets: redisTargets,
  async run({ clients, inventory }, _target, signal) {
    let started = performance.now();
    let answer: string;
    try {
      const redis = await clients.redis(signal);
      // Time the PING alone: the first diagnosis also pays the connection, later ones do not.
      started = performance.now();
      answer = await redis.ping();
    } catch (error) {
      if (signal.aborted) throw error;
      return unreachable(error);
    }
    const ms = Math.round(performance.now() - started);
    const threshold = above(inventory.thresholds.dbLatencyMs, 'ms');
    if (answer !== 'PONG') {
      return {
        status: 'fail',
        value: ms,
        unit: 'ms',
        threshold,
        detail: msg('check.redis.ping.odd', { answer }),
      };
    }
    return {
      status: grade(ms, threshold),
      value: ms,
      unit: 'ms',
      threshold,
      detail: msg('check.redis.ping.detail', { ms }),
    };
  },
});
