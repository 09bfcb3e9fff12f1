import type { TimelineRecord } from '../core/escalation/incident-state.js';
import type { OutboxRow } from '../store/incidents/incident-queries.js';

/** The Slack messages a step sends: one thread line per record, and a DM to each person paged. */
export function outboxFor(
  records: readonly TimelineRecord[],
  dueAt: number | null,
): Array<Pick<OutboxRow, 'kind' | 'recipient' | 'record' | 'dueAt'>> {
  return records.flatMap((record) => [
    { kind: 'thread' as const, recipient: null, record, dueAt },
    ...(record.type === 'paged'
      ? record.people.map((person) => ({ kind: 'dm' as const, recipient: person, record, dueAt }))
      : []),
  ]);
}
