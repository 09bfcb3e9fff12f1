import type {
  Deadlines,
  IncidentEvent,
  IncidentState,
  PageReason,
  StepResult,
  TimelineRecord,
} from './incident-state.js';
import type { OnCallOverride } from './on-call.js';
import { reachableAt } from './on-call.js';
import { type Level, nextLevel, type PolicySnapshot } from './policy-snapshot.js';

/** The world outside the incident that a step reads: overrides and the maintenance window. */
export interface StepContext {
  overrides: readonly OnCallOverride[];
  /** End of the active maintenance window, or null: pages are suppressed while it lasts. */
  maintenanceUntil: number | null;
}

/** A timer fires this early at most and still counts (clock skew between Redis and the bot). */
const EARLY_TOLERANCE_MS = 50;

/**
 * Pages `level` (or the next level with someone reachable, saying so) and arms its timers.
 * At N3 no ack timer is armed: the repeat keeps paging until someone acknowledges.
 */
function page(
  snapshot: PolicySnapshot,
  context: StepContext,
  startLevel: Level,
  reason: PageReason,
  now: number,
  resolveBy: number | null,
  restartResolve: boolean,
): { level: Level; paged: string[]; deadlines: Deadlines; records: TimelineRecord[] } {
  const records: TimelineRecord[] = [];
  let level = startLevel;
  const maintenance = context.maintenanceUntil !== null && context.maintenanceUntil > now;
  let people = reachableAt(snapshot, level, context.overrides, now);
  for (let up = nextLevel(level); people.length === 0 && up; up = nextLevel(level)) {
    records.push({ type: 'level-skipped', level });
    level = up;
    people = reachableAt(snapshot, level, context.overrides, now);
  }
  const policy = snapshot.levels[level];
  const changedLevel = level !== startLevel;
  const deadlineResolve = restartResolve || changedLevel ? now + policy.resolveWithinMs : resolveBy;
  if (maintenance) {
    records.push({ type: 'page-suppressed', level, reason: 'maintenance' });
    const until = context.maintenanceUntil as number;
    return {
      level,
      paged: [],
      records,
      deadlines: {
        ackAt: null,
        repeatAt: Math.min(until, now + policy.repeatEveryMs),
        resolveBy: deadlineResolve,
      },
    };
  }
  if (people.length === 0) records.push({ type: 'nobody-reachable', level });
  else records.push({ type: 'paged', level, people, reason });
  const top = nextLevel(level) === undefined;
  return {
    level,
    paged: people,
    records,
    deadlines: {
      ackAt: top ? null : now + policy.ackTimeoutMs,
      repeatAt: now + policy.repeatEveryMs,
      resolveBy: deadlineResolve,
    },
  };
}

/** Opens an incident at `level`: pages it (or the next reachable level) and arms its timers. */
export function openIncident(
  snapshot: PolicySnapshot,
  level: Level,
  by: string,
  context: StepContext,
  now: number,
): { state: IncidentState; records: TimelineRecord[] } {
  const paged = page(snapshot, context, level, 'opened', now, null, true);
  return {
    state: {
      status: 'open',
      level: paged.level,
      generation: 1,
      deadlines: paged.deadlines,
      paged: paged.paged,
      silencedUntil: null,
    },
    records: [{ type: 'opened', level, by }, ...paged.records],
  };
}

/** Goes up one level from `state` (an ack timeout, an SLA breach, or a person's request). */
function escalate(
  snapshot: PolicySnapshot,
  state: IncidentState,
  context: StepContext,
  now: number,
  by: string | null,
  reason: PageReason,
): StepResult {
  const up = nextLevel(state.level) as Level;
  const paged = page(snapshot, context, up, reason, now, state.deadlines.resolveBy, true);
  return {
    applied: true,
    state: {
      status: 'open',
      level: paged.level,
      generation: state.generation + 1,
      deadlines: paged.deadlines,
      paged: paged.paged,
      silencedUntil: null,
    },
    records: [{ type: 'escalated', from: state.level, to: paged.level, by }, ...paged.records],
  };
}

/** Pages the current level again (repeat, end of silence, end of maintenance, SLA breach at N3). */
function repage(
  snapshot: PolicySnapshot,
  state: IncidentState & { status: 'open' | 'acknowledged' },
  context: StepContext,
  now: number,
  reason: PageReason,
  keepAckTimer: boolean,
  extra: TimelineRecord[] = [],
): StepResult {
  const paged = page(snapshot, context, state.level, reason, now, state.deadlines.resolveBy, false);
  const ackAt =
    keepAckTimer && state.deadlines.ackAt !== null ? state.deadlines.ackAt : paged.deadlines.ackAt;
  const base = {
    level: paged.level,
    generation: state.generation + 1,
    paged: paged.paged,
    silencedUntil: null,
    records: [],
  };
  const records = [...extra, ...paged.records];
  if (state.status === 'acknowledged') {
    // Acknowledged: only the SLA breach re-pages, and the ack still holds (no ack/repeat timers).
    return {
      applied: true,
      state: {
        ...state,
        ...base,
        deadlines: { ackAt: null, repeatAt: null, resolveBy: paged.deadlines.resolveBy },
      },
      records,
    };
  }
  return {
    applied: true,
    state: {
      ...state,
      ...base,
      deadlines: { ...paged.deadlines, ackAt: paged.deadlines.ackAt === null ? null : ackAt },
    },
    records,
  };
}

/**
 * One transition of the escalation state machine, pure: (frozen policy, state, event, now) →
 * new state with its timeline records, or a refusal. Timers carry the generation they were armed
 * for; an older one, or one whose deadline is gone or not yet due, changes nothing.
 */
export function step(
  snapshot: PolicySnapshot,
  state: IncidentState,
  event: IncidentEvent,
  context: StepContext,
  now: number,
): StepResult {
  switch (event.kind) {
    case 'timer': {
      if (event.generation !== state.generation || state.status === 'resolved') {
        return { applied: false, refusal: 'stale-timer' };
      }
      const due =
        event.timer === 'ack'
          ? state.deadlines.ackAt
          : event.timer === 'repeat'
            ? state.deadlines.repeatAt
            : state.deadlines.resolveBy;
      if (due === null) return { applied: false, refusal: 'stale-timer' };
      if (due > now + EARLY_TOLERANCE_MS) return { applied: false, refusal: 'not-due' };
      switch (event.timer) {
        case 'ack':
          if (state.status !== 'open' || nextLevel(state.level) === undefined) {
            return { applied: false, refusal: 'stale-timer' };
          }
          return escalate(snapshot, state, context, now, null, 'escalated');
        case 'repeat': {
          if (state.status !== 'open') return { applied: false, refusal: 'stale-timer' };
          const wasQuiet = state.silencedUntil !== null || state.paged.length === 0;
          return repage(snapshot, state, context, now, wasQuiet ? 'unsilenced' : 'repeat', !wasQuiet);
        }
        case 'resolve': {
          const breach: TimelineRecord = { type: 'sla-breached', level: state.level };
          if (nextLevel(state.level) === undefined) {
            // At N3 there is nowhere to go: say so, page again, and stop the SLA timer.
            const result = repage(snapshot, state, context, now, 'sla-breached', true, [breach]);
            if (!result.applied) return result;
            return {
              ...result,
              state: { ...result.state, deadlines: { ...result.state.deadlines, resolveBy: null } },
            };
          }
          const result = escalate(snapshot, state, context, now, null, 'sla-breached');
          return result.applied ? { ...result, records: [breach, ...result.records] } : result;
        }
      }
      break;
    }
    case 'acknowledge':
      if (state.status === 'resolved') return { applied: false, refusal: 'already-resolved' };
      if (state.status === 'acknowledged') return { applied: false, refusal: 'already-acknowledged' };
      return {
        applied: true,
        state: {
          ...state,
          status: 'acknowledged',
          acknowledgedBy: event.by,
          acknowledgedAt: now,
          generation: state.generation + 1,
          silencedUntil: null,
          deadlines: { ackAt: null, repeatAt: null, resolveBy: state.deadlines.resolveBy },
        },
        records: [{ type: 'acknowledged', level: state.level, by: event.by }],
      };
    case 'escalate':
      if (state.status === 'resolved') return { applied: false, refusal: 'already-resolved' };
      if (event.upTo !== undefined && state.level >= event.upTo)
        return { applied: false, refusal: 'already-at-level' };
      if (nextLevel(state.level) === undefined) return { applied: false, refusal: 'top-level' };
      return escalate(snapshot, state, context, now, event.by, 'manual-escalation');
    case 'resolve':
      if (state.status === 'resolved') return { applied: false, refusal: 'already-resolved' };
      return {
        applied: true,
        state: {
          level: state.level,
          paged: state.paged,
          status: 'resolved',
          resolvedBy: event.by,
          resolvedAt: now,
          generation: state.generation + 1,
          silencedUntil: null,
          deadlines: { ackAt: null, repeatAt: null, resolveBy: null },
        },
        records: [{ type: 'resolved', level: state.level, by: event.by }],
      };
    case 'silence':
      if (state.status === 'resolved') return { applied: false, refusal: 'already-resolved' };
      return {
        applied: true,
        state: {
          ...state,
          generation: state.generation + 1,
          silencedUntil: event.untilMs,
          // Silenced: no page and no escalation until the end; then the level is paged again.
          deadlines: {
            ackAt: null,
            repeatAt: state.status === 'open' ? event.untilMs : null,
            resolveBy: state.deadlines.resolveBy,
          },
        },
        records: [{ type: 'silenced', level: state.level, by: event.by, untilMs: event.untilMs }],
      };
    case 'reopen': {
      if (state.status !== 'resolved') return { applied: false, refusal: 'not-resolved' };
      const paged = page(snapshot, context, state.level, 'reopened', now, null, true);
      return {
        applied: true,
        state: {
          status: 'open',
          level: paged.level,
          generation: state.generation + 1,
          deadlines: paged.deadlines,
          paged: paged.paged,
          silencedUntil: null,
        },
        records: [{ type: 'reopened', level: state.level, by: event.by }, ...paged.records],
      };
    }
  }
  return { applied: false, refusal: 'stale-timer' };
}
