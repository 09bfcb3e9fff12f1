import type pg from 'pg';
import type { StartedWorker } from '../jobs/start-worker.js';
import { slackHealth } from '../outbound/slack-health.js';
import { readIncident } from '../store/incidents/incident-queries.js';
import { unsentThreadIds } from '../store/incidents/outbox-delivery.js';
import type { EscalationOptions } from './escalation-options.js';
import type { EscalationQueueNames, EscalationQueues } from './escalation-queues.js';
import { startEscalationWorkers, type WakeWaiting } from './escalation-workers.js';
import type { StepOutcome } from './incident-steps.js';
import type { DeliveryDeps } from './outbound/deliver-outbox.js';
import { failOver } from './pages/fail-over.js';
import { pagesProcessor } from './pages/pages-processor.js';
import { type SlackOutage, slackOutage } from './pages/slack-outage.js';
import { configuredChannels } from './pages/test-page.js';
import { type Reconciled, startReconciling } from './reconciler.js';
import type { TimerJobData } from './timer-jobs.js';

/** Default time Slack may answer nothing but errors before pages fail over: one minute. */
const FAILOVER_AFTER_MS = 60_000;

/** This process's workers and reconciler, how to stop the reconciler, and Slack's outage watch. */
export interface Running {
  workers: StartedWorker<unknown>[];
  stopReconciling: () => void;
  outage: SlackOutage;
}

/** What the outbound worker needs to deliver the outbox to Slack. */
function deliveryOf(
  options: EscalationOptions,
  names: EscalationQueueNames,
  channel: string | null,
): DeliveryDeps {
  return {
    pool: options.pool,
    redis: options.redis,
    sender: options.sender,
    locale: options.inventory.locale,
    prefix: names.outbound,
    channelIntervalMs: options.channelIntervalMs ?? 1000,
    defaultChannel: channel,
    ...(options.countPage ? { count: options.countPage } : {}),
  };
}

/** Slack's health and the failover of pages when it fails. */
function outageOf(
  options: EscalationOptions,
  names: EscalationQueueNames,
  queues: EscalationQueues,
): SlackOutage {
  const health = slackHealth(options.redis, names.outbound);
  const failoverDeps = {
    pool: options.pool,
    configured: configuredChannels(options.pagers ?? {}),
    ...(options.countPage ? { count: options.countPage } : {}),
  };
  return slackOutage({
    health,
    queues,
    failoverAfterMs:
      options.failoverAfterMs ?? options.inventory.notifications.failoverAfter ?? FAILOVER_AFTER_MS,
    failOver: (now, only) => failOver(failoverDeps, now, only),
    logger: options.logger,
  });
}

/** Starts this process's timer, outbound and pages workers and the periodic reconciler. */
export function startRunning(
  options: EscalationOptions,
  parts: {
    names: EscalationQueueNames;
    queues: EscalationQueues;
    channel: string | null;
    fireTimer: (data: TimerJobData) => Promise<StepOutcome>;
    reconcile: () => Promise<Reconciled>;
  },
): Running {
  const { redis: connection, logger } = options;
  const outage = outageOf(options, parts.names, parts.queues);
  const pages = pagesProcessor({
    delivery: {
      pool: options.pool,
      pagers: options.pagers ?? {},
      locale: options.inventory.locale,
      ackLinkFor: options.ackLinkFor ?? (() => undefined),
    },
    outage,
    ...(options.countPage ? { count: options.countPage } : {}),
  });
  return {
    workers: startEscalationWorkers({
      connection,
      logger,
      names: parts.names,
      fireTimer: parts.fireTimer,
      delivery: deliveryOf(options, parts.names, parts.channel),
      outage,
      pages,
      wake: wakeWaitingOf(options.pool, parts.queues),
      ...(options.outboundConcurrency !== undefined
        ? { outboundConcurrency: options.outboundConcurrency }
        : {}),
    }),
    stopReconciling: startReconciling(parts.reconcile, options.reconcileEveryMs ?? 60_000, logger),
    outage,
  };
}

/** Wakes an incident's thread lines and message update once its root message is posted (else nothing). */
function wakeWaitingOf(pool: pg.Pool, queues: EscalationQueues): WakeWaiting {
  return async (incidentId) => {
    const incident = await readIncident(pool, incidentId);
    if (!incident?.slackTs) return;
    const ids = await unsentThreadIds(pool, incidentId);
    await queues.wakeWaitingFor(ids, { incidentId, generation: incident.state.generation });
  };
}
