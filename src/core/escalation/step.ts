import type {
  ActedVia,
  IncidentEvent,
  IncidentState,
  StepResult,
  TimelineRecord,
  TimerKind,
} from './incident-state.js';
import { escalate, openAfter, page, repage, type StepContext } from './paging.js';
import { nextLevel, type PolicySnapshot } from './policy-snapshot.js';

export { openIncident, type StepContext } from './paging.js';

/** A timer fires this early at most and still counts (clock skew between Redis and the bot). */
const EARLY_TOLERANCE_MS = 50;

/** What one step reads: the frozen policy, the state, the event of its kind, the world, the time. */
interface StepInput<E> {
  snapshot: PolicySnapshot;
  state: IncidentState;
  event: E;
  context: StepContext;
  now: number;
}

/** The step of one event kind. */
type StepFn<K extends IncidentEvent['kind']> = (
  input: StepInput<Extract<IncidentEvent, { kind: K }>>,
) => StepResult;

const refused = (refusal: Extract<StepResult, { applied: false }>['refusal']): StepResult => ({
  applied: false,
  refusal,
});

/** A timer's step: its incident is not resolved. */
type TimerStepFn = (
  input: StepInput<Extract<IncidentEvent, { kind: 'timer' }>> & {
    state: Exclude<IncidentState, { status: 'resolved' }>;
  },
) => StepResult;

/** What a due timer of each kind does (its generation and deadline already checked). */
const timerSteps = {
  ack: ({ snapshot, state, context, now }) => {
    if (state.status !== 'open' || nextLevel(state.level) === undefined) return refused('stale-timer');
    return escalate(snapshot, state, context, now, null, 'escalated');
  },
  repeat: ({ snapshot, state, context, now }) => {
    if (state.status !== 'open') return refused('stale-timer');
    const wasQuiet = state.silencedUntil !== null || state.paged.length === 0;
    return repage(snapshot, state, context, now, wasQuiet ? 'unsilenced' : 'repeat', !wasQuiet);
  },
  resolve: ({ snapshot, state, context, now }) => {
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
  },
} satisfies Record<TimerKind, TimerStepFn>;

/** The deadline a timer of `kind` stands for. */
const deadlineOf = (state: IncidentState, kind: TimerKind): number | null =>
  kind === 'ack'
    ? state.deadlines.ackAt
    : kind === 'repeat'
      ? state.deadlines.repeatAt
      : state.deadlines.resolveBy;

/** A person's act by a link made for another generation than the incident's now. */
const isStaleLink = (event: ActedVia, state: IncidentState): boolean =>
  event.generation !== undefined && event.generation !== state.generation;

/** The record's `via`, when the person did not act by a Slack button. */
const viaOf = (event: ActedVia): { via?: 'link' } => (event.via ? { via: event.via } : {});

/** One step per event kind: a kind without its step does not compile. */
const steps: { [K in IncidentEvent['kind']]: StepFn<K> } = {
  timer: (input) => {
    const { state, event, now } = input;
    if (event.generation !== state.generation || state.status === 'resolved') return refused('stale-timer');
    const due = deadlineOf(state, event.timer);
    if (due === null) return refused('stale-timer');
    if (due > now + EARLY_TOLERANCE_MS) return refused('not-due');
    return timerSteps[event.timer]({ ...input, state });
  },
  acknowledge: ({ state, event, now }) => {
    if (state.status === 'resolved') return refused('already-resolved');
    if (state.status === 'acknowledged') return refused('already-acknowledged');
    if (isStaleLink(event, state)) return refused('stale-link');
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
      records: [{ type: 'acknowledged', level: state.level, by: event.by, ...viaOf(event) }],
    };
  },
  escalate: ({ snapshot, state, event, context, now }) => {
    if (state.status === 'resolved') return refused('already-resolved');
    if (isStaleLink(event, state)) return refused('stale-link');
    if (event.upTo !== undefined && state.level >= event.upTo) return refused('already-at-level');
    if (nextLevel(state.level) === undefined) return refused('top-level');
    const result = escalate(snapshot, state, context, now, event.by, 'manual-escalation');
    if (!result.applied || event.via === undefined) return result;
    const records = result.records.map((record) =>
      record.type === 'escalated' ? { ...record, ...viaOf(event) } : record,
    );
    return { ...result, records };
  },
  resolve: ({ state, event, now }) => {
    if (state.status === 'resolved') return refused('already-resolved');
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
  },
  silence: ({ state, event }) => {
    if (state.status === 'resolved') return refused('already-resolved');
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
  },
  reopen: ({ snapshot, state, event, context, now }) => {
    if (state.status !== 'resolved') return refused('not-resolved');
    const paged = page(snapshot, context, state.level, 'reopened', now, null, true);
    return {
      applied: true,
      state: openAfter(paged, state.generation + 1),
      records: [{ type: 'reopened', level: state.level, by: event.by }, ...paged.records],
    };
  },
};

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
  // The table is keyed by kind: the event given to each step is of that step's kind.
  const run = steps[event.kind] as (input: StepInput<IncidentEvent>) => StepResult;
  return run({ snapshot, state, event, context, now });
}
