import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { type Fastest, fastestOf, timed } from '../fastest-sample.js';
import { above, grade } from '../grade.js';
import { roundMs } from '../round-ms.js';
import { unreachable } from '../unreachable.js';
import { redisTargets } from './redis-target.js';

/**
 * Runbook 10.2 `redis-cli ping`, timed. Held against the database latency band (100 / 500 ms):
 * Redis sits on the same request path as PostgreSQL (cache, Celery results) and is normally far
 * faster, so the same targets are generous. What is graded is PING's round trip on the ready
 * connection; taking the connection (made once, then reused) is reported beside it. A silent
 * Redis is a down Redis: timeout means fail.
 */
export const redisPing = defineCheck<null>({
  id: 'redis.ping',
  title: msg('check.redis.ping.title'),
  onTimeout: 'fail',
  targets: redisTargets,
  async run({ clients, inventory }, _target, signal) {
    const threshold = above(inventory.thresholds.dbLatencyMs, 'ms');
    const asked = performance.now();
    let connectMs = 0;
    let answer = 'PONG';
    let roundTrip: Fastest<number>;
    try {
      const redis = await clients.redis(signal);
      connectMs = roundMs(performance.now() - asked);
      roundTrip = await fastestOf(
        () =>
          timed(async () => {
            answer = await redis.ping();
          }),
        (ms) => (answer === 'PONG' ? ms : undefined),
        { threshold, budgetMs: inventory.checkTimeoutMs / 2 },
      );
    } catch (error) {
      if (signal.aborted) throw error;
      return unreachable(error);
    }
    const ms = roundMs(roundTrip.best);
    const data = { connectMs, samples: roundTrip.samples };
    if (answer !== 'PONG') {
      return {
        status: 'fail',
        value: ms,
        unit: 'ms',
        threshold,
        detail: msg('check.redis.ping.odd', { answer }),
        data,
      };
    }
    return {
      status: grade(ms, threshold),
      value: ms,
      unit: 'ms',
      threshold,
      detail:
        roundTrip.samples === 1
          ? msg('check.redis.ping.detail', { ms, connectMs })
          : msg('check.redis.ping.best', { ms, samples: roundTrip.samples, connectMs }),
      data,
    };
  },
});
