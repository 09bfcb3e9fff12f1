import type pg from 'pg';
import type {
  IncidentEvent,
  IncidentState,
  Refusal,
  TimelineRecord,
} from '../core/escalation/incident-state.js';
import type { Level, PolicySnapshot } from '../core/escalation/policy-snapshot.js';
import { openIncident, type StepContext, step } from '../core/escalation/step.js';
import { inTransaction } from '../store/in-transaction.js';
import {
  appendTimeline,
  findOpenByDedupKey,
  foldIntoPendingDuplicate,
  insertIncident,
  type OutboxJob,
  readIncident,
  saveState,
  writeOutbox,
} from '../store/incidents/incident-queries.js';
import type { StoredIncident } from '../store/incidents/incident-row.js';
import { activeMaintenance, activeOverrides } from '../store/incidents/oncall-and-maintenance.js';
import { cancelPendingPages } from '../store/incidents/page-lines.js';
import { outboxFor } from './outbox-messages.js';
import { type TimerJobData, timerJobId, timersOf } from './timer-jobs.js';

/** What to enqueue once the transaction has committed (never before: a rollback must send nothing). */
export interface AfterCommit {
  timers: TimerJobData[];
  outbox: OutboxJob[];
  /** Page lines a failover made due now: their delayed jobs are promoted. */
  bringForward?: number[];
  /** Timer jobs of the generation just replaced: removed best-effort (they would find themselves stale). */
  staleTimerIds?: string[];
  /** The incident whose Slack message needs an update, with the generation it should show. */
  update: { incidentId: number; generation: number } | null;
}

/** The outcome of applying an event to an incident. */
export type StepOutcome =
  | { kind: 'applied'; incident: StoredIncident; records: TimelineRecord[]; after: AfterCommit }
  | {
      kind: 'refused';
      refusal: Refusal;
      incident: StoredIncident;
      /** With `same-failure-open`: the open incident that follows the same failure. */
      openElsewhere?: number;
    }
  | { kind: 'not-found' };

/** An incident opened, or joined when the same failure was already open. */
export type OpenOutcome = { kind: 'opened' | 'joined'; incident: StoredIncident; after: AfterCommit };

/** Overrides and the maintenance window, read in the step's transaction. */
export async function stepContext(db: pg.PoolClient | pg.Pool, now: number): Promise<StepContext> {
  const [overrides, maintenance] = await Promise.all([activeOverrides(db, now), activeMaintenance(db, now)]);
  return { overrides, maintenanceUntil: maintenance?.untilMs ?? null };
}

/**
 * Runs in the step's transaction, under the incident's row lock, once the step would apply and
 * before anything is written; false refuses the step as `link-used` (an ack link records its use).
 */
export type StepClaim = (client: pg.PoolClient, incident: StoredIncident) => Promise<boolean>;

/**
 * Applies one event in one transaction: locks the incident row, runs the pure step (which refuses
 * a stale timer), writes the new state with a conditional UPDATE, its timeline and its outbox.
 * The caller enqueues `after` once this has returned (the transaction has committed).
 */
export async function applyIncidentEvent(
  pool: pg.Pool,
  incidentId: number,
  event: IncidentEvent,
  now: number = Date.now(),
  claim?: StepClaim,
): Promise<StepOutcome> {
  return inTransaction(pool, async (client) => {
    const incident = await readIncident(client, incidentId, true);
    if (!incident) return { kind: 'not-found' };
    const context = await stepContext(client, now);
    const result = step(incident.snapshot, incident.state, event, context, now);
    if (!result.applied) return { kind: 'refused', refusal: result.refusal, incident };
    if (event.kind === 'reopen') {
      // Only one open incident per failure (a unique index): say which one, not a database error.
      const other = await findOpenByDedupKey(client, incident.dedupKey);
      if (other) return { kind: 'refused', refusal: 'same-failure-open', incident, openElsewhere: other.id };
    }
    if (claim && !(await claim(client, incident))) return { kind: 'refused', refusal: 'link-used', incident };
    if (!(await saveState(client, incidentId, incident.state.generation, result.state))) {
      // Unreachable while the row is locked; kept so that a bug cannot page twice.
      return { kind: 'refused', refusal: 'stale-timer', incident };
    }
    await appendTimeline(client, incidentId, result.records, now);
    if (endsPaging(incident.state, result.state)) await cancelPendingPages(client, incidentId, now);
    const dueAt = event.kind === 'timer' ? dueOf(incident, event.timer) : null;
    const pages = { snapshot: incident.snapshot, generation: result.state.generation, now };
    const outbox = await writeOutbox(client, incidentId, outboxFor(result.records, dueAt, pages), now);
    return {
      kind: 'applied',
      incident: { ...incident, state: result.state },
      records: result.records,
      after: {
        timers: timersOf(incidentId, result.state),
        staleTimerIds: timersOf(incidentId, incident.state).map(timerJobId),
        outbox,
        update: { incidentId, generation: result.state.generation },
      },
    };
  });
}

/**
 * True when a step ends the paging its pending pages belong to: acknowledged, resolved, silenced,
 * quiet (maintenance) or at another level. A repeat at the same level keeps them.
 */
function endsPaging(before: IncidentState, after: IncidentState): boolean {
  return (
    after.status !== 'open' ||
    after.level !== before.level ||
    after.silencedUntil !== null ||
    after.paged.length === 0
  );
}

function dueOf(incident: StoredIncident, timer: 'ack' | 'repeat' | 'resolve'): number | null {
  const { deadlines } = incident.state;
  return timer === 'ack' ? deadlines.ackAt : timer === 'repeat' ? deadlines.repeatAt : deadlines.resolveBy;
}

/** Opens an incident (policy frozen now), or joins the unresolved one with the same dedup key. */
export async function openOrJoinIncident(
  pool: pg.Pool,
  request: {
    dedupKey: string;
    title: string;
    source: string;
    level: Level;
    by: string;
    snapshot: PolicySnapshot;
    channel: string | null;
  },
  now: number = Date.now(),
): Promise<OpenOutcome> {
  return inTransaction(pool, async (client) => {
    const context = await stepContext(client, now);
    const { state, records } = openIncident(request.snapshot, request.level, request.by, context, now);
    const id = await insertIncident(client, {
      dedupKey: request.dedupKey,
      title: request.title,
      source: request.source,
      openedBy: request.by,
      openedAt: now,
      snapshot: request.snapshot,
      state,
      slackChannel: request.channel,
    });
    if (id === null) {
      const existing = await findOpenByDedupKey(client, request.dedupKey);
      if (!existing) throw new Error(`incident with key ${request.dedupKey} vanished`);
      await readIncident(client, existing.id, true);
      const record: TimelineRecord = {
        type: 'duplicate',
        level: existing.state.level,
        source: request.source,
      };
      // Every report is on the timeline; the thread gets one line per burst, with a count.
      await appendTimeline(client, existing.id, [record], now);
      const outbox = (await foldIntoPendingDuplicate(client, existing.id, request.source))
        ? []
        : await writeOutbox(client, existing.id, outboxFor([record], null), now);
      return { kind: 'joined', incident: existing, after: { timers: [], outbox, update: null } };
    }
    await appendTimeline(client, id, records, now);
    const root = await writeOutbox(
      client,
      id,
      [{ kind: 'root', recipient: null, record: null, dueAt: null }],
      now,
    );
    const pages = { snapshot: request.snapshot, generation: state.generation, now };
    const outbox = await writeOutbox(client, id, outboxFor(records, null, pages), now);
    const incident = await readIncident(client, id);
    if (!incident) throw new Error(`incident ${id} vanished`);
    return {
      kind: 'opened',
      incident,
      after: { timers: timersOf(id, state), outbox: [...root, ...outbox], update: null },
    };
  });
}

/** Adds records to an unresolved incident's timeline and thread without changing its state (e.g. "rétabli"). */
export async function noteOnIncident(
  pool: pg.Pool,
  incidentId: number,
  recordsAt: (level: Level) => TimelineRecord[],
  now: number = Date.now(),
): Promise<AfterCommit | null> {
  return inTransaction(pool, async (client) => {
    const incident = await readIncident(client, incidentId, true);
    if (!incident || incident.state.status === 'resolved') return null;
    const records = recordsAt(incident.state.level);
    await appendTimeline(client, incidentId, records, now);
    const outbox = await writeOutbox(client, incidentId, outboxFor(records, null), now);
    return { timers: [], outbox, update: null };
  });
}
