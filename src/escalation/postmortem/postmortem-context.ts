import type { SnapshotPerson } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import { LANGUAGE_TAG } from '../../i18n/format-number.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { mdText } from './markdown-text.js';

/** What every part of a draft writes with: the language, the clock and the people. */
export interface DraftContext {
  locale: Locale;
  timezone: string;
  t: (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) => string;
  /** A date and time, e.g. `01/11/2026 10:02:41`. */
  at: (ms: number) => string;
  /** A time of day, e.g. `10:02:41`. */
  clock: (ms: number) => string;
  /** A person by name and Slack id (`DBA (UDBA)`), the bot as `samaops`: plain text. */
  name: (slackId: string) => string;
  /** The same, as Markdown. */
  who: (slackId: string) => string;
}

/** The draft's context for an incident's frozen team, in `locale` and the incident's timezone. */
export function draftContext(
  locale: Locale,
  timezone: string,
  team: readonly SnapshotPerson[],
): DraftContext {
  const dateTime = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    timeZone: timezone,
    dateStyle: 'short',
    timeStyle: 'medium',
    hourCycle: 'h23',
  });
  const time = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    timeZone: timezone,
    timeStyle: 'medium',
    hourCycle: 'h23',
  });
  const name = (slackId: string) => {
    const person = team.find((member) => member.slackId === slackId);
    return person ? `${person.name} (${slackId})` : slackId;
  };
  return {
    locale,
    timezone,
    t: (key, params) => translate(locale, msg(key, params)),
    at: (ms) => dateTime.format(ms),
    clock: (ms) => time.format(ms),
    name,
    who: (slackId) => mdText(name(slackId)),
  };
}
