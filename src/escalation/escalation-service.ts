import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { IncidentEvent, TimelineRecord } from '../core/escalation/incident-state.js';
import { type Level, type PolicySnapshot, snapshotPolicy } from '../core/escalation/policy-snapshot.js';
import { queueNames } from '../jobs/queue-names.js';
import type { Logger } from '../logging/logger.js';
import type { SlackSender } from '../outbound/slack-sender.js';
import { activeMaintenance, type MaintenanceWindow } from '../store/incidents/oncall-and-maintenance.js';
import { type EscalationQueues, openEscalationQueues } from './escalation-queues.js';
import { startEscalationWorkers } from './escalation-workers.js';
import {
  applyIncidentEvent,
  noteOnIncident,
  type OpenOutcome,
  openOrJoinIncident,
  type StepClaim,
  type StepOutcome,
} from './incident-steps.js';
import type { DeliveryDeps } from './outbound/deliver-outbox.js';
import { type Reconciled, reconciler, startReconciling } from './reconciler.js';
import type { TimerJobData } from './timer-jobs.js';

export type { OutboundJobData } from './escalation-queues.js';

/** How the escalation service is built. */
export interface EscalationOptions {
  pool: pg.Pool;
  /** A BullMQ connection: ioredis with `maxRetriesPerRequest: null`. */
  redis: Redis;
  sender: SlackSender;
  inventory: Inventory;
  logger: Logger;
  /** Queue names (tests use unique ones). Defaults `samaops-escalation-timers`, `samaops-slack-outbound`. */
  timersQueue?: string;
  outboundQueue?: string;
  /** Run the workers and the periodic reconciler in this process. Default true. */
  workers?: boolean;
  /** Default 60 s. */
  reconcileEveryMs?: number;
  /** Default 1000 ms (Slack: about one message per second per channel). */
  channelIntervalMs?: number;
  /** Tries of one Slack delivery before it waits for the reconciler. Default 12 (about half an hour of backoff). */
  outboundAttempts?: number;
  /** Outbound worker concurrency (channels are independent). Default `WORKER_BUDGET.outbound`. */
  outboundConcurrency?: number;
  /** Called after a timer step applied, with its lateness (bench, metrics). */
  onTimerFired?: (data: TimerJobData, firedAt: number) => void;
}

/** Incidents and their escalation, as the handlers and main see them. */
export interface EscalationService {
  /** The policy snapshot an incident opened now would get. */
  snapshot(): PolicySnapshot;
  /** Opens (or joins) an incident, posted in the policy's channel, else `channel`, else the first bot channel. */
  open(request: {
    dedupKey: string;
    title: string;
    source: string;
    level: Level;
    by: string;
    channel?: string;
    /** The policy to freeze; default: the inventory's now (benches give each incident its own timings). */
    snapshot?: PolicySnapshot;
  }): Promise<OpenOutcome>;
  /** Applies a person's act; `claim` runs in its transaction (an ack link records its one use there). */
  act(incidentId: number, event: IncidentEvent, claim?: StepClaim): Promise<StepOutcome>;
  /** Adds records to an unresolved incident's timeline and thread; false when it is resolved or gone. */
  note(incidentId: number, recordsAt: (level: Level) => TimelineRecord[]): Promise<boolean>;
  /** Re-creates the timer and delivery jobs from PostgreSQL (start, every minute, after a Redis flush). */
  reconcile(): Promise<Reconciled>;
  /** The running maintenance window, or null; the remediation guard refuses while one runs. */
  activeMaintenance(now?: number): Promise<MaintenanceWindow | null>;
  /** True while a maintenance window runs. */
  isMaintenanceActive(now?: number): Promise<boolean>;
  /** Runs one timer job's work (the worker's processor; tests call it directly). */
  fireTimer(data: TimerJobData, now?: number): Promise<StepOutcome>;
  /** True while this process's timer worker runs (not paused, not closing); false where no worker runs. */
  timerWorkerAlive(): boolean;
  /** Stops the workers (bounded), the reconciler and the queues; leaves the pool and Redis to their owner. */
  close(options?: { graceMs?: number; force?: boolean }): Promise<void>;
}

/**
 * Builds the escalation service, a facade over the timer queue (delayed jobs with deterministic
 * ids), the outbound queue to Slack (per-channel slots, retries with backoff), their workers
 * (`escalation-workers.ts`) and the reconciler (`reconciler.ts`).
 */
export function createEscalationService(options: EscalationOptions): EscalationService {
  const { pool, inventory } = options;
  const defaults = queueNames();
  const names = {
    timers: options.timersQueue ?? defaults.timers,
    outbound: options.outboundQueue ?? defaults.outbound,
  };
  const queues = openEscalationQueues(options.redis, names, options.outboundAttempts ?? 12);
  const channel = inventory.escalation.channel ?? inventory.slack.channels[0] ?? null;
  const fireTimer = timerFirer(pool, queues, options.onTimerFired);
  const reconcile = reconciler(pool, queues);
  const running =
    options.workers === false
      ? undefined
      : startRunning(options, { names, fireTimer, reconcile, delivery: deliveryOf(options, names, channel) });

  return {
    snapshot: () => snapshotPolicy(inventory),
    async open(request) {
      const outcome = await openOrJoinIncident(pool, {
        ...request,
        snapshot: request.snapshot ?? snapshotPolicy(inventory),
        channel: inventory.escalation.channel ?? request.channel ?? channel,
      });
      await queues.enqueueAfterCommit(outcome.after);
      return outcome;
    },
    async act(incidentId, event, claim) {
      const outcome = await applyIncidentEvent(pool, incidentId, event, Date.now(), claim);
      if (outcome.kind === 'applied') await queues.enqueueAfterCommit(outcome.after);
      return outcome;
    },
    async note(incidentId, recordsAt) {
      const after = await noteOnIncident(pool, incidentId, recordsAt);
      if (after) await queues.enqueueAfterCommit(after);
      return after !== null;
    },
    reconcile,
    activeMaintenance: (now = Date.now()) => activeMaintenance(pool, now),
    isMaintenanceActive: async (now = Date.now()) => (await activeMaintenance(pool, now)) !== null,
    fireTimer,
    timerWorkerAlive() {
      const timer = running?.workers[0]?.worker;
      return timer?.isRunning() === true && !timer.isPaused() && timer.closing === undefined;
    },
    async close({ graceMs = 3000, force = false } = {}) {
      running?.stopReconciling();
      await Promise.all((running?.workers ?? []).map((worker) => worker.close(graceMs, { force })));
      await queues.close();
    },
  };
}

/** The timer queue's and the outbound queue's names. */
type EscalationQueueNames = { timers: string; outbound: string };

/** One timer job's work: the timer step, then its follow-up jobs once the step committed. */
function timerFirer(
  pool: pg.Pool,
  queues: EscalationQueues,
  onTimerFired: EscalationOptions['onTimerFired'],
): (data: TimerJobData, now?: number) => Promise<StepOutcome> {
  return async (data, now = Date.now()) => {
    const outcome = await applyIncidentEvent(
      pool,
      data.incidentId,
      { kind: 'timer', timer: data.kind, generation: data.generation },
      now,
    );
    if (outcome.kind === 'applied') {
      onTimerFired?.(data, now);
      await queues.enqueueAfterCommit(outcome.after);
    }
    return outcome;
  };
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
  };
}

/** Starts this process's timer and outbound workers and the periodic reconciler. */
function startRunning(
  options: EscalationOptions,
  parts: {
    names: EscalationQueueNames;
    fireTimer: (data: TimerJobData) => Promise<StepOutcome>;
    reconcile: () => Promise<Reconciled>;
    delivery: DeliveryDeps;
  },
) {
  const { redis: connection, logger } = options;
  return {
    workers: startEscalationWorkers({
      connection,
      logger,
      names: parts.names,
      fireTimer: parts.fireTimer,
      delivery: parts.delivery,
      ...(options.outboundConcurrency !== undefined
        ? { outboundConcurrency: options.outboundConcurrency }
        : {}),
    }),
    stopReconciling: startReconciling(parts.reconcile, options.reconcileEveryMs ?? 60_000, logger),
  };
}
