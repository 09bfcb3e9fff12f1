import type pg from 'pg';
import type { EscalationService } from '../escalation/escalation-service.js';
import type { Logger } from '../logging/logger.js';
import { type Heartbeat, type LoopProbe, startHeartbeat } from '../observability/heartbeat.js';
import type { HeartbeatConfig } from '../observability/heartbeat-config.js';
import type { ReadinessProbe } from '../observability/readiness.js';
import { proxyTransport } from '../slack/proxy-transport.js';
import { loopSucceededAt, oldestPendingPageMs } from '../store/loops/loop-marks.js';

/** A page waiting longer than this means the outbox is not draining. */
export const OUTBOX_STUCK_MS = 120_000;

/** What the bot's loops are, for its heartbeat. */
export interface BotLoops {
  escalation: Pick<EscalationService, 'timerWorkerAlive'>;
  pool: pg.Pool;
  readiness: ReadinessProbe;
  /** The watch's interval; undefined when the watch is off. */
  watchEveryMs: number | undefined;
  /** When this process started: the watch gets two intervals from then to run a first time. */
  startedAt: number;
  now?: () => number;
}

/**
 * True when the watch ran (to the end, on any replica) within two intervals, counting from this
 * process's start when the last run is older: a fresh replica is not "stale" before its first tick.
 */
export function watchRanRecently(
  lastRun: number | null,
  startedAt: number,
  everyMs: number,
  now: number,
): boolean {
  return now - Math.max(lastRun ?? 0, startedAt) <= 2 * everyMs;
}

/**
 * The loops a beat vouches for: the timer worker runs; the outbox drains (its oldest undelivered
 * page is younger than 2 minutes); the watch ran within two intervals; PostgreSQL and Redis answer.
 */
export function loopProbes(loops: BotLoops): LoopProbe[] {
  const now = loops.now ?? Date.now;
  const dependency = (name: 'postgres' | 'redis'): LoopProbe => ({
    name,
    healthy: async () => (await loops.readiness.check()).dependencies[name] === 'up',
  });
  const watchEveryMs = loops.watchEveryMs;
  return [
    { name: 'timer-worker', healthy: () => loops.escalation.timerWorkerAlive() },
    { name: 'outbox', healthy: async () => (await oldestPendingPageMs(loops.pool, now())) < OUTBOX_STUCK_MS },
    ...(watchEveryMs === undefined
      ? []
      : [
          {
            name: 'watch',
            healthy: async () =>
              watchRanRecently(
                await loopSucceededAt(loops.pool, 'watch'),
                loops.startedAt,
                watchEveryMs,
                now(),
              ),
          },
        ]),
    dependency('postgres'),
    dependency('redis'),
  ];
}

/** Starts the dead-man's switch over the bot's loops, pushing through the proxy when there is one. */
export function startBotHeartbeat(
  config: HeartbeatConfig,
  loops: BotLoops,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Heartbeat {
  const proxyUrl = env.HTTPS_PROXY ?? env.https_proxy;
  return startHeartbeat({
    url: config.url,
    everyMs: config.everyMs,
    probes: loopProbes(loops),
    logger,
    ...(proxyUrl ? { fetch: proxyTransport(proxyUrl).fetch } : {}),
  });
}
