import type { Level } from '../../core/escalation/policy-snapshot.js';
import { formatNumber } from '../../i18n/format-number.js';
import { humanDuration } from '../incident-message.js';
import { mdTable, mdText } from './markdown-text.js';
import type { DraftContext } from './postmortem-context.js';
import type { PostmortemFacts } from './postmortem-facts.js';
import type { DraftSection } from './postmortem-sections.js';

/** One measure against its deadline: the measured time, the level's deadline, the verdict. */
function measureRow(
  c: DraftContext,
  label: string,
  measured: { ms: number; level: Level } | undefined,
  deadlineOf: (level: Level) => number,
): string[] {
  if (!measured) return [label, '—', '—', c.t('postmortem.times.pending')];
  const deadline = deadlineOf(measured.level);
  const verdict =
    measured.ms <= deadline
      ? c.t('postmortem.times.within')
      : c.t('postmortem.times.over', { by: humanDuration(measured.ms - deadline) });
  return [
    label,
    humanDuration(measured.ms),
    c.t('postmortem.times.deadline', { duration: humanDuration(deadline), level: measured.level }),
    verdict,
  ];
}

/**
 * MTTA (opening to the first acknowledgement) against the acknowledgement deadline of the level
 * it was acknowledged at, and MTTR (opening to resolution) against the resolution deadline of the
 * level it was resolved at, both from the policy frozen on the incident.
 */
export function timesSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const { incident } = facts;
  const levels = incident.snapshot.levels;
  const recorded = (type: 'acknowledged' | 'resolved') => {
    const entries = facts.timeline.filter((entry) => entry.record.type === type);
    // The first acknowledgement; the last resolution (a reopened incident was resolved again).
    const entry = type === 'acknowledged' ? entries[0] : entries.at(-1);
    return entry && 'level' in entry.record
      ? { ms: entry.at - incident.openedAt, level: entry.record.level }
      : undefined;
  };
  return {
    heading: c.t('postmortem.heading.times'),
    lines: mdTable(
      [
        c.t('postmortem.column.measure'),
        c.t('postmortem.column.measured'),
        c.t('postmortem.column.deadline'),
        c.t('postmortem.column.verdict'),
      ],
      [
        measureRow(
          c,
          c.t('postmortem.times.mtta'),
          recorded('acknowledged'),
          (level) => levels[level].ackTimeoutMs,
        ),
        measureRow(
          c,
          c.t('postmortem.times.mttr'),
          incident.state.status === 'resolved' ? recorded('resolved') : undefined,
          (level) => levels[level].resolveWithinMs,
        ),
      ],
    ),
  };
}

/** The SLO budget the incident consumed (the port), or why it is not there. */
export function sloSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  const heading = c.t('postmortem.heading.slo');
  if (!facts.slo) return { heading, lines: [c.t('postmortem.slo.notAvailable')] };
  if (facts.slo.length === 0) return { heading, lines: [c.t('postmortem.slo.none')] };
  const percent = (value: number | undefined) =>
    value === undefined ? '—' : `${formatNumber(value, c.locale, 1)} %`;
  return {
    heading,
    lines: mdTable(
      [
        c.t('postmortem.column.slo'),
        c.t('postmortem.column.consumed'),
        c.t('postmortem.column.left'),
        c.t('postmortem.column.period'),
      ],
      facts.slo.map((use) => [
        mdText(use.slo),
        percent(use.consumedPercent),
        percent(use.leftPercent),
        mdText(use.period),
      ]),
    ),
  };
}
