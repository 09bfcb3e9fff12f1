import type { TimelineRecord } from '../core/escalation/incident-state.js';

/** A timeline entry as stored: when, and what. */
export interface TimelineEntry {
  at: number;
  record: TimelineRecord;
}

/**
 * Folds consecutive reports of the same failure from the same source into one entry with their
 * count (the first one's time), so that an alert storm reads as one line, not thousands.
 */
export function foldRepeats(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  const folded: TimelineEntry[] = [];
  for (const entry of timeline) {
    const last = folded.at(-1);
    const record = entry.record;
    if (
      last?.record.type === 'duplicate' &&
      record.type === 'duplicate' &&
      last.record.source === record.source
    ) {
      last.record = { ...last.record, count: (last.record.count ?? 1) + (record.count ?? 1) };
      continue;
    }
    folded.push({ at: entry.at, record });
  }
  return folded;
}
