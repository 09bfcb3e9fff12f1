import type { TimelineRecord } from '../core/escalation/incident-state.js';
import { pagePlan } from '../core/escalation/notify-plan.js';
import type { PolicySnapshot } from '../core/escalation/policy-snapshot.js';
import type { NewOutboxLine } from '../store/incidents/incident-queries.js';

/** What the pages of a step need: the frozen team (their rules), the step's generation, its time. */
export interface PageContext {
  snapshot: PolicySnapshot;
  generation: number;
  now: number;
}

/**
 * The messages a step sends: one thread line per record, and for each person paged, one line per
 * channel of their rules at that level (a Slack DM, an email, an SMS, a call), each due after its
 * delay. Without a context (steps that page nobody), a person paged gets a Slack DM at once.
 */
export function outboxFor(
  records: readonly TimelineRecord[],
  dueAt: number | null,
  context: PageContext | null = null,
): NewOutboxLine[] {
  return records.flatMap((record): NewOutboxLine[] => [
    { kind: 'thread', recipient: null, record, dueAt },
    ...(record.type === 'paged'
      ? record.people.flatMap((person) => pageLines(record, person, dueAt, context))
      : []),
  ]);
}

/** One person's lines of a `paged` record. */
function pageLines(
  record: Extract<TimelineRecord, { type: 'paged' }>,
  slackId: string,
  dueAt: number | null,
  context: PageContext | null,
): NewOutboxLine[] {
  if (!context) return [{ kind: 'dm', recipient: slackId, record, dueAt }];
  const person = context.snapshot.team.find((member) => member.slackId === slackId);
  return pagePlan(person, record.level).map(({ channel, afterMs }) => ({
    kind: channel === 'slack' ? 'dm' : 'page',
    channel,
    recipient: slackId,
    record,
    dueAt,
    sendAfter: afterMs > 0 ? context.now + afterMs : null,
    generation: context.generation,
  }));
}
