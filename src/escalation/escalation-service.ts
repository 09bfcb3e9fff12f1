import type pg from 'pg';
import type { IncidentEvent, TimelineRecord } from '../core/escalation/incident-state.js';
import { type Level, type PolicySnapshot, snapshotPolicy } from '../core/escalation/policy-snapshot.js';
import { queueNames } from '../jobs/queue-names.js';
import { errorReason } from '../logging/error-reason.js';
import { activeMaintenance, type MaintenanceWindow } from '../store/incidents/oncall-and-maintenance.js';
import type { EscalationOptions } from './escalation-options.js';
import { openEscalationQueues } from './escalation-queues.js';
import { type Running, startRunning } from './escalation-running.js';
import {
  type AfterCommit,
  applyIncidentEvent,
  noteOnIncident,
  type OpenOutcome,
  openOrJoinIncident,
  type StepClaim,
  type StepOutcome,
} from './incident-steps.js';
import { sendTestPage, type TestPageResult } from './pages/test-page.js';
import { type Reconciled, reconciler } from './reconciler.js';
import type { TimerJobData } from './timer-jobs.js';

export type { EscalationOptions } from './escalation-options.js';
export type { OutboundJobData } from './escalation-queues.js';

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
  /**
   * Sends a test page to a team member by each of their channels (`/sama oncall test`); undefined
   * when `slackId` is not in the inventory's team. `by` names who asked, in the page's text.
   */
  testPage(slackId: string, by: string): Promise<TestPageResult[] | undefined>;
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
    pages: options.pagesQueue ?? defaults.pages,
  };
  const queues = openEscalationQueues(options.redis, names, options.outboundAttempts ?? 12);
  const channel = inventory.escalation.channel ?? inventory.slack.channels[0] ?? null;
  let running: Running | undefined;
  // After a step committed: its jobs, and (Slack down) its Slack DMs by the next channels at once.
  const afterCommit = async (after: AfterCommit) => {
    await queues.enqueueAfterCommit(after);
    await running?.outage
      .paged(after)
      .catch((error: unknown) => options.logger.warn({ err: errorReason(error) }, 'page failover failed'));
  };
  const fireTimer = timerFirer(pool, afterCommit, options.onTimerFired);
  const reconcile = reconciler(pool, queues);
  running =
    options.workers === false
      ? undefined
      : startRunning(options, { names, queues, channel, fireTimer, reconcile });

  return {
    snapshot: () => snapshotPolicy(inventory),
    async open(request) {
      const outcome = await openOrJoinIncident(pool, {
        ...request,
        snapshot: request.snapshot ?? snapshotPolicy(inventory),
        channel: inventory.escalation.channel ?? request.channel ?? channel,
      });
      await afterCommit(outcome.after);
      return outcome;
    },
    async act(incidentId, event, claim) {
      const outcome = await applyIncidentEvent(pool, incidentId, event, Date.now(), claim);
      if (outcome.kind === 'applied') await afterCommit(outcome.after);
      return outcome;
    },
    async note(incidentId, recordsAt) {
      const after = await noteOnIncident(pool, incidentId, recordsAt);
      if (after) await afterCommit(after);
      return after !== null;
    },
    reconcile,
    activeMaintenance: (now = Date.now()) => activeMaintenance(pool, now),
    isMaintenanceActive: async (now = Date.now()) => (await activeMaintenance(pool, now)) !== null,
    async testPage(slackId, by) {
      const person = inventory.team.find((member) => member.slackId === slackId);
      if (!person) return undefined;
      const deps = { sender: options.sender, pagers: options.pagers ?? {}, locale: inventory.locale };
      return sendTestPage(deps, person, by);
    },
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

/** One timer job's work: the timer step, then its follow-up jobs once the step committed. */
function timerFirer(
  pool: pg.Pool,
  afterCommit: (after: AfterCommit) => Promise<void>,
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
      await afterCommit(outcome.after);
    }
    return outcome;
  };
}
