import type { PageReason } from '../../core/escalation/incident-state.js';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { fitSms, gsmFriendly } from '../../render/sms-segments.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';
import { clockTime } from '../incident-message.js';

/** What a page says: the incident, the level and reason of the page, who it is for, who else was paged. */
export interface PageFacts {
  incident: Pick<StoredIncident, 'id' | 'title' | 'source' | 'openedAt' | 'snapshot'>;
  level: Level;
  reason: PageReason;
  /** The person's name. */
  name: string;
  /** Everyone else paged for the incident so far, with the level they were paged at. */
  others: ReadonlyArray<{ name: string; level: Level }>;
  /** The signed ack link; undefined when none is configured. */
  ackUrl: string | undefined;
}

/** Characters of the title an SMS keeps at least before it spans two messages. */
const SMS_TITLE_KEPT = 24;

type Translate = (key: Parameters<typeof msg>[0], params?: Record<string, string>) => string;
const translatorFor =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, msg(key, params));

/** One line of outside text: a title from a command or an alert never breaks a subject or an SMS. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The email of a page, in the inventory's language: the level, what failed and where it came
 * from, when it opened, who else was paged, and the ack link (or how to acknowledge without it).
 * Plain text: nothing in it is markup, so no title can inject any.
 */
export function emailPage(facts: PageFacts, locale: Locale): { subject: string; text: string } {
  const t = translatorFor(locale);
  const { incident, level } = facts;
  const id = String(incident.id);
  const title = oneLine(incident.title);
  const others = facts.others.map((other) => `${other.name} (${other.level})`).join(', ');
  const lines = [
    t('pages.email.greeting', { name: facts.name }),
    '',
    t('pages.email.intro', { level, id, reason: t(`incidents.reason.${facts.reason}`) }),
    '',
    t('pages.email.failed', { title }),
    t('pages.email.source', { source: oneLine(incident.source) }),
    t('pages.email.level', { level }),
    t('pages.email.opened', {
      time: clockTime(incident.openedAt, incident.snapshot.timezone),
      timezone: incident.snapshot.timezone,
    }),
    others ? t('pages.email.others', { people: others }) : t('pages.email.noOthers'),
    '',
    facts.ackUrl ? t('pages.email.ack', { url: facts.ackUrl }) : t('pages.email.noLink', { id }),
    '',
    t('pages.email.signature'),
  ];
  return { subject: t('pages.email.subject', { level, id, title }), text: `${lines.join('\n')}\n` };
}

/**
 * The SMS of a page: level, incident, title and ack link in one message of 160 GSM-7 characters,
 * the title cut to fit; when even a short title leaves no room (a long link), two messages, and
 * the text says so. Characters the GSM alphabet lacks get their usual stand-ins first.
 */
export function smsText(facts: PageFacts, locale: Locale): string {
  const t = translatorFor(locale);
  const base = { level: facts.level, id: String(facts.incident.id), url: facts.ackUrl ?? '' };
  const one = (title: string) =>
    gsmFriendly(t(facts.ackUrl ? 'pages.sms.text' : 'pages.sms.noLink', { ...base, title }));
  const two = (title: string) => gsmFriendly(t('pages.sms.twoParts', { text: one(title) }));
  const title = oneLine(facts.incident.title);
  return fitSms(one, title, 1, SMS_TITLE_KEPT) ?? fitSms(two, title, 2) ?? two('');
}

/** What a voice call reads out: the level, the incident and its title, and a request to acknowledge. */
export function voiceText(facts: PageFacts, locale: Locale): string {
  const t = translatorFor(locale);
  return t('pages.voice.text', {
    id: String(facts.incident.id),
    level: facts.level,
    title: oneLine(facts.incident.title),
  });
}
