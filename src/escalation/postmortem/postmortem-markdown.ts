import type { Locale } from '../../i18n/define-messages.js';
import { mdText } from './markdown-text.js';
import { draftContext } from './postmortem-context.js';
import type { PostmortemFacts } from './postmortem-facts.js';
import { sloSection, timesSection } from './postmortem-measures.js';
import { remediationSection } from './postmortem-remediations.js';
import {
  type DraftSection,
  detectionSection,
  escalationSection,
  pagingSection,
  summarySection,
  timelineSection,
} from './postmortem-sections.js';

/**
 * A post-mortem draft in Markdown, in `locale`, from the facts alone (no AI, nothing invented):
 * summary, detection, pages and acknowledgements, escalations, remediations with their audit ids,
 * MTTA and MTTR against the level's deadlines, the SLO budget consumed, the timeline, and the
 * sections a person must write (cause, actions) as headed blanks. Pure: the same facts give the
 * same text.
 */
export function postmortemMarkdown(facts: PostmortemFacts, locale: Locale): string {
  const { incident } = facts;
  const c = draftContext(locale, incident.snapshot.timezone, incident.snapshot.team);
  const toFill = (heading: string): DraftSection => ({ heading, lines: [`_${c.t('postmortem.toFill')}_`] });
  const sections = [
    summarySection(facts, c),
    detectionSection(facts, c),
    pagingSection(facts, c),
    escalationSection(facts, c),
    remediationSection(facts, c),
    timesSection(facts, c),
    sloSection(facts, c),
    timelineSection(facts, c),
    toFill(c.t('postmortem.heading.cause')),
    toFill(c.t('postmortem.heading.actions')),
  ];
  return [
    `# ${c.t('postmortem.title', { id: incident.id, title: mdText(incident.title) })}`,
    '',
    `> ${c.t('postmortem.draftNote', { at: c.at(facts.now), timezone: c.timezone })}`,
    ...sections.flatMap((section) => ['', `## ${section.heading}`, '', ...section.lines]),
    '',
  ].join('\n');
}
