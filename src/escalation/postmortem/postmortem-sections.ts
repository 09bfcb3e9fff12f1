import type { TimelineRecord } from '../../core/escalation/incident-state.js';
import { humanDuration, recordText } from '../incident-message.js';
import { mdTable, mdText } from './markdown-text.js';
import type { DraftContext } from './postmortem-context.js';
import type { PostmortemFacts } from './postmortem-facts.js';

/** One part of the draft: its heading and its Markdown lines. */
export interface DraftSection {
  heading: string;
  lines: string[];
}

type Entry = PostmortemFacts['timeline'][number];

const recordsOf = <T extends TimelineRecord['type']>(facts: PostmortemFacts, type: T) =>
  facts.timeline.filter(
    (entry): entry is Entry & { record: Extract<TimelineRecord, { type: T }> } => entry.record.type === type,
  );

/** Level, who opened and resolved it, how long it lasted, its source. */
export function summarySection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const { incident } = facts;
  const { state } = incident;
  const opened = recordsOf(facts, 'opened')[0]?.record.level ?? state.level;
  const end = state.status === 'resolved' ? state.resolvedAt : facts.now;
  const duration = humanDuration(end - incident.openedAt);
  const status =
    state.status === 'resolved'
      ? c.t('postmortem.summary.resolved', { at: c.at(state.resolvedAt), who: c.who(state.resolvedBy) })
      : state.status === 'acknowledged'
        ? c.t('postmortem.summary.acknowledged', { who: c.who(state.acknowledgedBy) })
        : c.t('postmortem.summary.open');
  return {
    heading: c.t('postmortem.heading.summary'),
    lines: [
      c.t('postmortem.summary.level', { level: state.level, opened }),
      c.t('postmortem.summary.opened', { at: c.at(incident.openedAt), who: c.who(incident.openedBy) }),
      status,
      c.t(state.status === 'resolved' ? 'postmortem.summary.duration' : 'postmortem.summary.durationSoFar', {
        duration,
      }),
      c.t('postmortem.summary.source', { source: mdText(incident.source) }),
    ].map((line) => `- ${line}`),
  };
}

/** Watch, diagnosis, alert or hand, and the checks that failed. */
export function detectionSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const { detection } = facts;
  const lines = [c.t(`postmortem.detection.${detection.kind}`, { via: mdText(detection.via) })];
  if (detection.checks.length > 0)
    lines.push(
      c.t('postmortem.detection.checks', {
        checks: detection.checks.map((check) => `\`${check.replaceAll('`', "'")}\``).join(', '),
      }),
    );
  return { heading: c.t('postmortem.heading.detection'), lines };
}

/** Each page (when, which level, whom, why) and who acknowledged, when. */
export function pagingSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const pages = recordsOf(facts, 'paged');
  const ack = recordsOf(facts, 'acknowledged')[0];
  const heading = c.t('postmortem.heading.paging');
  const rows = pages.map(({ at, record }) => [
    c.at(at),
    record.level,
    record.people
      .map((person) =>
        ack && person === ack.record.by
          ? `${c.who(person)} — ${c.t('postmortem.paging.answered', { at: c.clock(ack.at) })}`
          : c.who(person),
      )
      .join(', '),
    c.t(`incidents.reason.${record.reason}`),
  ]);
  const table =
    rows.length === 0
      ? [c.t('postmortem.paging.none')]
      : mdTable(
          [
            c.t('postmortem.column.time'),
            c.t('postmortem.column.level'),
            c.t('postmortem.column.people'),
            c.t('postmortem.column.reason'),
          ],
          rows,
        );
  const acknowledged = ack
    ? c.t('postmortem.paging.acknowledged', {
        who: c.who(ack.record.by),
        at: c.at(ack.at),
        after: humanDuration(ack.at - facts.incident.openedAt),
        level: ack.record.level,
      })
    : c.t('postmortem.paging.notAcknowledged');
  return { heading, lines: [...table, '', acknowledged] };
}

/** Every escalation and SLA breach, in order, as the timeline words them. */
export function escalationSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const steps = facts.timeline.filter(
    ({ record }) => record.type === 'escalated' || record.type === 'sla-breached',
  );
  return {
    heading: c.t('postmortem.heading.escalations'),
    lines:
      steps.length === 0
        ? [c.t('postmortem.escalations.none')]
        : steps.map((entry) => `- ${c.at(entry.at)} — ${timelineText(entry, c)}`),
  };
}

/** Everything the timeline recorded, in order. */
export function timelineSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  return {
    heading: c.t('postmortem.heading.timeline'),
    lines: facts.timeline.map((entry) => `- ${c.at(entry.at)} — ${timelineText(entry, c)}`),
  };
}

/** A timeline record as the incident's thread says it, people named in plain text, as inert Markdown. */
function timelineText(entry: Entry, c: DraftContext): string {
  return mdText(recordText(entry.record, c.locale, c.timezone, c.name));
}
