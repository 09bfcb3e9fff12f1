import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { unresolvedIncidents, unsentOutbox } from '../store/incidents/incident-queries.js';
import { activeMaintenance, type MaintenanceWindow } from '../store/incidents/oncall-and-maintenance.js';
import type { IncidentEvent, TimelineRecord } from './engine/incident-state.js';
import { type Level, type PolicySnapshot, snapshotPolicy } from './engine/policy-snapshot.js';
import {
  type AfterCommit,
  applyIncidentEvent,
  noteOnIncident,
  type OpenOutcome,
  openOrJoinIncident,
  type StepOutcome,
} from './incident-steps.js';
import { ChannelBusy, slackOutboundName } from './outbound/channel-rate.js';
import { type DeliveryDeps, deliverOutbox, deliverUpdate } from './outbound/deliver-outbox.js';
import type { SlackSender } from './outbound/slack-sender.js';
import { outboundJobId, scheduleTimers, type TimerJobData, timerJobId, timersOf } from './timer-jobs.js';

/** A job of the outbound queue: one outbox message, or an update of the incident message. */
export type OutboundJobData =
  | { kind: 'outbox'; outboxId: number }
  | { kind: 'update'; incidentId: number; generation: number };

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
  /** Outbound worker concurrency (channels are independent). Default 8. */
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
  act(incidentId: number, event: IncidentEvent): Promise<StepOutcome>;
  /** Adds records to an unresolved incident's timeline and thread; false when it is resolved or gone. */
  note(incidentId: number, recordsAt: (level: Level) => TimelineRecord[]): Promise<boolean>;
  /** Re-creates the timer and delivery jobs from PostgreSQL (start, every minute, after a Redis flush). */
  reconcile(): Promise<{ timers: number; outbox: number; retried: number }>;
  /** The running maintenance window, or null; the remediation guard refuses while one runs. */
  activeMaintenance(now?: number): Promise<MaintenanceWindow | null>;
  /** True while a maintenance window runs. */
  isMaintenanceActive(now?: number): Promise<boolean>;
  /** Runs one timer job's work (the worker's processor; tests call it directly). */
  fireTimer(data: TimerJobData, now?: number): Promise<StepOutcome>;
  /** Stops the workers (bounded), the reconciler and the queues; leaves the pool and Redis to their owner. */
  close(options?: { graceMs?: number; force?: boolean }): Promise<void>;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Closes a worker, waiting at most `graceMs` for its running jobs: `worker.close()` has no timeout. */
async function closeWorker(worker: Worker, graceMs: number, force: boolean): Promise<void> {
  if (force) {
    await worker.close(true).catch(() => undefined);
    return;
  }
  const closed = await Promise.race([worker.close().then(() => true), delay(graceMs).then(() => false)]);
  if (!closed) await worker.close(true).catch(() => undefined);
}

/**
 * Builds the escalation service: the timer queue (delayed jobs with deterministic ids), the
 * outbound queue to Slack (per-channel slots, retries with backoff), their workers and the reconciler.
 */
export function createEscalationService(options: EscalationOptions): EscalationService {
  const { pool, redis, inventory, logger } = options;
  const timersName = options.timersQueue ?? 'samaops-escalation-timers';
  const outboundName = options.outboundQueue ?? slackOutboundName();
  const timers = new Queue<TimerJobData>(timersName, { connection: redis });
  const outbound = new Queue<OutboundJobData>(outboundName, { connection: redis });
  const channel = inventory.escalation.channel ?? inventory.slack.channels[0] ?? null;
  const delivery: DeliveryDeps = {
    pool,
    redis,
    sender: options.sender,
    locale: inventory.locale,
    prefix: outboundName,
    channelIntervalMs: options.channelIntervalMs ?? 1000,
    defaultChannel: channel,
  };
  const outboundOpts = {
    attempts: options.outboundAttempts ?? 12,
    backoff: { type: 'exponential' as const, delay: 500 },
    removeOnComplete: true,
    removeOnFail: 5000,
  };

  const enqueueAfterCommit = async (after: AfterCommit) => {
    await scheduleTimers(timers, after.timers);
    // An active job (the one running this step) is not removed (BullMQ returns 0): it ends stale.
    await Promise.allSettled((after.staleTimerIds ?? []).map((id) => timers.remove(id)));
    const jobs = [
      ...after.outbox.map((outboxId) => ({
        name: 'outbox',
        data: { kind: 'outbox' as const, outboxId },
        opts: { ...outboundOpts, jobId: outboundJobId(outboxId) },
      })),
      ...(after.update
        ? [
            {
              name: 'update',
              data: { kind: 'update' as const, ...after.update },
              opts: {
                ...outboundOpts,
                jobId: `upd-${after.update.incidentId}-gen-${after.update.generation}`,
              },
            },
          ]
        : []),
    ];
    if (jobs.length > 0) await outbound.addBulk(jobs);
  };

  const fireTimer = async (data: TimerJobData, now = Date.now()) => {
    const outcome = await applyIncidentEvent(
      pool,
      data.incidentId,
      { kind: 'timer', timer: data.kind, generation: data.generation },
      now,
    );
    if (outcome.kind === 'applied') {
      options.onTimerFired?.(data, now);
      await enqueueAfterCommit(outcome.after);
    }
    return outcome;
  };

  const reconcile = async () => {
    const incidents = await unresolvedIncidents(pool);
    const all = incidents.flatMap((incident) => timersOf(incident.id, incident.state));
    await scheduleTimers(timers, all);
    const unsent = await unsentOutbox(pool);
    const updates = incidents
      .filter((incident) => incident.messageGeneration < incident.state.generation && incident.slackTs)
      .map((incident) => ({ incidentId: incident.id, generation: incident.state.generation }));
    await enqueueAfterCommit({ timers: [], outbox: unsent, update: null });
    for (const update of updates) await enqueueAfterCommit({ timers: [], outbox: [], update });
    // A job that used up its attempts (database or Slack down for long) keeps its id in the failed
    // set, so adding it again is ignored: retry those the database still needs.
    const wanted = new Set([...all.map(timerJobId), ...unsent.map(outboundJobId)]);
    const failed = [...(await timers.getFailed()), ...(await outbound.getFailed())];
    const retried = failed.filter((job) => job.id !== undefined && wanted.has(job.id));
    await Promise.allSettled(retried.map((job) => job.retry()));
    return { timers: all.length, outbox: unsent.length, retried: retried.length };
  };

  const workers: Worker[] = [];
  let reconcileTimer: NodeJS.Timeout | undefined;
  if (options.workers !== false) {
    const timerWorker = new Worker<TimerJobData>(
      timersName,
      async (job: Job<TimerJobData>) => {
        const outcome = await fireTimer(job.data);
        if (outcome.kind === 'refused' && outcome.refusal === 'not-due') {
          // Fired a little early (clocks): fail this attempt, BullMQ retries it shortly.
          throw new Error(`timer ${job.id} not due yet`);
        }
      },
      // A replica killed mid-job leaves it locked: a short lock gets it retried within seconds.
      { connection: redis, concurrency: 16, lockDuration: 10_000, stalledInterval: 5_000 },
    );
    const outboundWorker = new Worker<OutboundJobData>(
      outboundName,
      async (job: Job<OutboundJobData>, token?: string) => {
        try {
          if (job.data.kind === 'outbox') await deliverOutbox(delivery, job.data.outboxId);
          else await deliverUpdate(delivery, job.data.incidentId, job.data.generation);
        } catch (error) {
          if (error instanceof ChannelBusy) {
            await job.moveToDelayed(Date.now() + error.waitMs, token);
            throw new DelayedError();
          }
          throw error;
        }
      },
      {
        connection: redis,
        concurrency: options.outboundConcurrency ?? 8,
        lockDuration: 10_000,
        stalledInterval: 5_000,
      },
    );
    for (const worker of [timerWorker, outboundWorker]) {
      worker.on('failed', (job, error) =>
        logger.warn(
          { queue: worker.name, job: job?.id, attempts: job?.attemptsMade, err: error.message },
          'escalation job failed',
        ),
      );
      worker.on('error', (error) =>
        logger.warn({ queue: worker.name, err: error.message }, 'escalation worker error'),
      );
      workers.push(worker);
    }
    const every = options.reconcileEveryMs ?? 60_000;
    const tick = () =>
      reconcile().catch((error: unknown) =>
        logger.warn({ err: String(error) }, 'escalation reconcile failed'),
      );
    void tick();
    reconcileTimer = setInterval(tick, every);
    reconcileTimer.unref();
  }

  return {
    snapshot: () => snapshotPolicy(inventory),
    async open(request) {
      const outcome = await openOrJoinIncident(pool, {
        ...request,
        snapshot: request.snapshot ?? snapshotPolicy(inventory),
        channel: inventory.escalation.channel ?? request.channel ?? channel,
      });
      await enqueueAfterCommit(outcome.after);
      return outcome;
    },
    async act(incidentId, event) {
      const outcome = await applyIncidentEvent(pool, incidentId, event);
      if (outcome.kind === 'applied') await enqueueAfterCommit(outcome.after);
      return outcome;
    },
    async note(incidentId, recordsAt) {
      const after = await noteOnIncident(pool, incidentId, recordsAt);
      if (after) await enqueueAfterCommit(after);
      return after !== null;
    },
    reconcile,
    activeMaintenance: (now = Date.now()) => activeMaintenance(pool, now),
    isMaintenanceActive: async (now = Date.now()) => (await activeMaintenance(pool, now)) !== null,
    fireTimer,
    async close({ graceMs = 3000, force = false } = {}) {
      if (reconcileTimer) clearInterval(reconcileTimer);
      await Promise.all(workers.map((worker) => closeWorker(worker, graceMs, force)));
      await Promise.allSettled([timers.close(), outbound.close()]);
    },
  };
}
