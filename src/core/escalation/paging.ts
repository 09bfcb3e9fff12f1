import type { Deadlines, IncidentState, PageReason, StepResult, TimelineRecord } from './incident-state.js';
import type { OnCallOverride } from './on-call.js';
import { reachableAt } from './on-call.js';
import { type Level, nextLevel, type PolicySnapshot } from './policy-snapshot.js';

/** The world outside the incident that a step reads: overrides and the maintenance window. */
export interface StepContext {
  overrides: readonly OnCallOverride[];
  /** End of the active maintenance window, or null: pages are suppressed while it lasts. */
  maintenanceUntil: number | null;
}

/** What one page did: the level it reached, who it paged, the timers it armed. */
export interface Page {
  level: Level;
  paged: string[];
  deadlines: Deadlines;
  records: TimelineRecord[];
}

/** The open state a page leaves behind: its level, people and timers, unsilenced. */
export function openAfter(paged: Page, generation: number): IncidentState {
  return {
    status: 'open',
    level: paged.level,
    generation,
    deadlines: paged.deadlines,
    paged: paged.paged,
    silencedUntil: null,
  };
}

/**
 * Pages `level` (or the next level with someone reachable, saying so) and arms its timers.
 * At N3 no ack timer is armed: the repeat keeps paging until someone acknowledges.
 */
export function page(
  snapshot: PolicySnapshot,
  context: StepContext,
  startLevel: Level,
  reason: PageReason,
  now: number,
  resolveBy: number | null,
  restartResolve: boolean,
): Page {
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
    state: openAfter(paged, 1),
    records: [{ type: 'opened', level, by }, ...paged.records],
  };
}

/** Goes up one level from `state` (an ack timeout, an SLA breach, or a person's request). */
export function escalate(
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
    state: openAfter(paged, state.generation + 1),
    records: [{ type: 'escalated', from: state.level, to: paged.level, by }, ...paged.records],
  };
}

/** Pages the current level again (repeat, end of silence, end of maintenance, SLA breach at N3). */
export function repage(
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
