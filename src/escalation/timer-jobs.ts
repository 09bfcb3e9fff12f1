import type { Queue } from 'bullmq';
import type { IncidentState, TimerKind } from '../core/escalation/incident-state.js';

/** What a timer job carries: which incident, which generation armed it, which deadline. */
export interface TimerJobData {
  incidentId: number;
  generation: number;
  kind: TimerKind;
  /** The deadline, epoch ms (for lateness measures). */
  dueAt: number;
}

/** Deterministic id (no `:`): re-adding the same timer while it exists is a no-op in BullMQ. */
export const timerJobId = (data: Pick<TimerJobData, 'incidentId' | 'generation' | 'kind'>) =>
  `inc-${data.incidentId}-gen-${data.generation}-${data.kind}`;

/** Deterministic id of an outbox message's delivery job. */
export const outboundJobId = (outboxId: number) => `out-${outboxId}`;

/** The timers a state arms: one per deadline that is set. */
export function timersOf(incidentId: number, state: IncidentState): TimerJobData[] {
  const { ackAt, repeatAt, resolveBy } = state.deadlines;
  const timers: TimerJobData[] = [];
  const add = (kind: TimerKind, dueAt: number | null) => {
    if (dueAt !== null) timers.push({ incidentId, generation: state.generation, kind, dueAt });
  };
  add('ack', ackAt);
  add('repeat', repeatAt);
  add('resolve', resolveBy);
  return timers;
}

/** Adds delayed jobs for `timers`; the ids make duplicates (another replica, the reconciler) harmless. */
export async function scheduleTimers(
  queue: Queue<TimerJobData>,
  timers: readonly TimerJobData[],
  now = Date.now(),
): Promise<void> {
  if (timers.length === 0) return;
  await queue.addBulk(
    timers.map((data) => ({
      name: data.kind,
      data,
      opts: {
        jobId: timerJobId(data),
        delay: Math.max(0, data.dueAt - now),
        attempts: 10,
        backoff: { type: 'exponential', delay: 200 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    })),
  );
}
