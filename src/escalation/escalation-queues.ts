import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { OutboxJob } from '../store/incidents/incident-queries.js';
import type { AfterCommit } from './incident-steps.js';
import { outboundJobId, scheduleTimers, type TimerJobData } from './timer-jobs.js';

/** A job of the outbound queue: one outbox message, or an update of the incident message. */
export type OutboundJobData =
  | { kind: 'outbox'; outboxId: number }
  | { kind: 'update'; incidentId: number; generation: number };

/**
 * A job of the pages queue: one page by email, SMS or voice; or a look at Slack's health at the
 * end of a failing run's window (`since`: the run's start), which fails pending pages over.
 */
export type PageJobData = { kind: 'page'; outboxId: number } | { kind: 'failover'; since: number };

/** The escalation's queues, and how a committed step's work reaches them. */
export interface EscalationQueues {
  timers: Queue<TimerJobData>;
  outbound: Queue<OutboundJobData>;
  /** Pages by other channels than Slack: a queue of their own, so that a hung Slack never holds them. */
  pages: Queue<PageJobData>;
  /** Schedules the step's timers, removes its stale ones, enqueues its deliveries (each when due). */
  enqueueAfterCommit(after: AfterCommit): Promise<void>;
  /** One look at Slack at `at` for the failing run that started at `since` (deterministic id). */
  scheduleFailoverCheck(since: number, at: number): Promise<void>;
  /**
   * Runs now the Slack deliveries waiting out a retry's backoff (not those due later by a rule),
   * and retries those that used up their tries: they find out whether Slack answers again. With
   * `limit`, only that many of each, the oldest (probes).
   */
  retrySlackNow(limit?: number): Promise<void>;
  /**
   * Runs now the deliveries `ids` and the incident message's `update` that wait for its root
   * message (they are delayed, not failed, while it is not posted).
   */
  wakeWaitingFor(ids: readonly number[], update: { incidentId: number; generation: number }): Promise<void>;
  close(): Promise<void>;
}

/** The queue names. */
export interface EscalationQueueNames {
  timers: string;
  outbound: string;
  pages: string;
}

/**
 * Opens the timer, outbound and pages queues on the bot's connection. Delivery jobs retry with
 * backoff `attempts` times (about half an hour for 12), then wait for the reconciler.
 */
export function openEscalationQueues(
  connection: Redis,
  names: EscalationQueueNames,
  attempts: number,
): EscalationQueues {
  const timers = new Queue<TimerJobData>(names.timers, { connection });
  const outbound = new Queue<OutboundJobData>(names.outbound, { connection });
  const pages = new Queue<PageJobData>(names.pages, { connection });
  const retried = {
    attempts,
    backoff: { type: 'exponential' as const, delay: 500 },
    removeOnComplete: true,
    removeOnFail: 5000,
  };
  const when = (job: OutboxJob, now: number): JobsOptions => ({
    ...retried,
    jobId: outboundJobId(job.id),
    ...(job.sendAfter !== null && job.sendAfter > now ? { delay: job.sendAfter - now } : {}),
  });
  return {
    timers,
    outbound,
    pages,
    async enqueueAfterCommit(after) {
      const now = Date.now();
      await scheduleTimers(timers, after.timers);
      // An active job (the one running this step) is not removed (BullMQ returns 0): it ends stale.
      await Promise.allSettled((after.staleTimerIds ?? []).map((id) => timers.remove(id)));
      const slack = after.outbox.filter((job) => job.kind !== 'page');
      const byOtherChannels = after.outbox.filter((job) => job.kind === 'page');
      const updates = after.update ? [updateJob(after.update, retried)] : [];
      const outboundJobs = [
        ...slack.map((job) => ({
          name: 'outbox',
          data: { kind: 'outbox' as const, outboxId: job.id },
          opts: when(job, now),
        })),
        ...updates,
      ];
      if (outboundJobs.length > 0) await outbound.addBulk(outboundJobs);
      if (byOtherChannels.length > 0)
        await pages.addBulk(
          byOtherChannels.map((job) => ({
            name: 'page',
            data: { kind: 'page' as const, outboxId: job.id },
            opts: when(job, now),
          })),
        );
      await promote(pages, after.bringForward ?? [], retried);
    },
    async scheduleFailoverCheck(since, at) {
      await pages.add(
        'failover',
        { kind: 'failover', since },
        {
          jobId: `failover-${since}-${at}`,
          delay: Math.max(0, at - Date.now()),
          removeOnComplete: true,
          removeOnFail: 100,
        },
      );
    },
    async retrySlackNow(limit) {
      const oldest = <T extends { timestamp: number }>(jobs: T[]) =>
        jobs.sort((a, b) => a.timestamp - b.timestamp).slice(0, limit ?? jobs.length);
      const backingOff = (await outbound.getDelayed()).filter((job) => job.attemptsMade > 0);
      await Promise.allSettled(oldest(backingOff).map((job) => job.promote()));
      await Promise.allSettled(oldest(await outbound.getFailed()).map((job) => job.retry()));
    },
    async wakeWaitingFor(ids, update) {
      const jobIds = [...ids.map(outboundJobId), updateJobId(update)];
      // A job not delayed (running, done, removed) has nothing to wait for: promote() refuses it.
      await Promise.allSettled(jobIds.map(async (id) => (await outbound.getJob(id))?.promote()));
    },
    async close() {
      await Promise.allSettled([timers.close(), outbound.close(), pages.close()]);
    },
  };
}

/** The job updating an incident's message to a generation (coalesced by its id). */
function updateJob(update: { incidentId: number; generation: number }, retried: JobsOptions) {
  return {
    name: 'update',
    data: { kind: 'update' as const, ...update },
    opts: { ...retried, jobId: updateJobId(update) },
  };
}

/** Deterministic id of the job updating an incident's message to a generation. */
const updateJobId = (update: { incidentId: number; generation: number }) =>
  `upd-${update.incidentId}-gen-${update.generation}`;

/** Runs the pages `ids` now: a delayed job is promoted, a failed one retried, a missing one added. */
async function promote(pages: Queue<PageJobData>, ids: readonly number[], retried: JobsOptions) {
  for (const id of ids) {
    const job = await pages.getJob(outboundJobId(id));
    if (!job) {
      await pages.add('page', { kind: 'page', outboxId: id }, { ...retried, jobId: outboundJobId(id) });
      continue;
    }
    // Running now: nothing to bring forward. A failed one waits for no reconciler here.
    const state = await job.getState();
    if (state === 'delayed') await job.promote().catch(() => undefined);
    if (state === 'failed') await job.retry().catch(() => undefined);
  }
}
