import type { CustomRoute } from '@slack/bolt';
import type pg from 'pg';
import type { AckLinkConfig } from '../escalation/ack-link/ack-link-config.js';
import type { EscalationService } from '../escalation/escalation-service.js';
import type { Logger } from '../logging/logger.js';
import { healthRoutes } from '../observability/health-routes.js';
import type { Heartbeat } from '../observability/heartbeat.js';
import type { HeartbeatConfig } from '../observability/heartbeat-config.js';
import { type BotMetrics, createMetrics } from '../observability/metrics.js';
import { createReadinessProbe, type ReadinessProbe } from '../observability/readiness.js';
import { loopSucceededAt, oldestPendingPageMs } from '../store/loops/loop-marks.js';
import { ackPageRoutesOf } from './ack-page.js';
import { startBotHeartbeat } from './start-heartbeat.js';
import type { FeatureDeps } from './start-jobs.js';

/** The bot's metrics; the outbox and watch gauges read the bot's database when there is one. */
export function botMetrics(pool: pg.Pool | undefined): BotMetrics {
  return createMetrics(
    pool
      ? {
          outboxOldestPendingMs: () => oldestPendingPageMs(pool),
          watchSucceededAt: () => loopSucceededAt(pool, 'watch'),
        }
      : {},
  );
}

/** How the bot shows its own health: probes, routes and the dead-man's switch. */
export interface OwnHealth {
  /** `/ready`'s probe of the bot's own store and Redis (Slack surface). */
  readiness: ReadinessProbe | undefined;
  /** `/health`, `/ready`, `/metrics` (Slack surface). */
  routes: CustomRoute[];
  /** The ack page, wherever ack links are configured and incidents run. */
  ackRoutes: CustomRoute[];
  heartbeat: Heartbeat | undefined;
}

/** Builds what the bot shows of its own health, in Slack, and the ack page in every surface. */
export function ownHealth(parts: {
  slack: boolean;
  linkConfig: AckLinkConfig | undefined;
  heartbeatConfig: HeartbeatConfig | undefined;
  deps: FeatureDeps | undefined;
  escalation: EscalationService | undefined;
  metrics: BotMetrics;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}): OwnHealth {
  const { deps, escalation, env, logger } = parts;
  const readiness = parts.slack
    ? createReadinessProbe({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL }, logger)
    : undefined;
  const incidents = deps && escalation && { deps, escalation };
  return {
    readiness,
    routes: readiness ? healthRoutes(parts.metrics, readiness) : [],
    ackRoutes: ackPageRoutesOf(parts.linkConfig, incidents, logger),
    heartbeat: heartbeatOf(parts.heartbeatConfig, incidents, readiness, env, logger),
  };
}

/** The dead-man's switch, when configured and the loops it vouches for run here. */
function heartbeatOf(
  config: HeartbeatConfig | undefined,
  incidents: { deps: FeatureDeps; escalation: EscalationService } | undefined,
  readiness: ReadinessProbe | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Heartbeat | undefined {
  if (!config) return undefined;
  if (!incidents || !readiness) {
    // No beat at all: the monitor outside alerts, which is what a bot without its loops deserves.
    logger.warn('heartbeat disabled: DATABASE_URL and REDIS_URL are both needed');
    return undefined;
  }
  const { watch } = incidents.deps.inventory.escalation;
  return startBotHeartbeat(
    config,
    {
      escalation: incidents.escalation,
      pool: incidents.deps.jobs.pool,
      readiness,
      watchEveryMs: watch.playbook === 'off' ? undefined : watch.every,
      startedAt: Date.now(),
    },
    env,
    logger,
  );
}
