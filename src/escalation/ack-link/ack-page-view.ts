import { nextLevel } from '../../core/escalation/policy-snapshot.js';
import type { MessageKey } from '../../i18n/catalogue/index.js';
import type { Locale } from '../../i18n/define-messages.js';
import { type MessageParams, msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { HtmlForm, HtmlPage, PageTone } from '../../render/html-page.js';
import type { LinkAction } from '../../store/ack-links/link-uses.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';

/** Translates for the page, in the inventory's language. */
export type PageText = (key: MessageKey, params?: MessageParams) => string;

/** The page's text function for `locale`. */
export const pageText =
  (locale: Locale): PageText =>
  (key, params) =>
    translate(locale, msg(key, params));

/** A page that shows no incident: a forged, unknown or expired link, a bad request. */
export function errorPage(locale: Locale, title: MessageKey, text: MessageKey): HtmlPage {
  const t = pageText(locale);
  return { lang: locale, heading: t(title), lines: [], notice: { tone: 'fail', text: t(text) } };
}

/** A person's name in the incident's frozen team, else their id. */
export function personName(incident: StoredIncident, slackId: string): string {
  return incident.snapshot.team.find((member) => member.slackId === slackId)?.name ?? slackId;
}

/** The incident as the page shows it: title, state, source, when it opened, who is paged, whose link. */
export function incidentPage(
  locale: Locale,
  incident: StoredIncident,
  person: string,
  extra: { notice?: { tone: PageTone; text: string }; form?: HtmlForm } = {},
): HtmlPage {
  const t = pageText(locale);
  const { state } = incident;
  const name = (slackId: string) => personName(incident, slackId);
  const summary =
    state.status === 'open'
      ? t('incidents.state.open', { level: state.level })
      : state.status === 'acknowledged'
        ? t('incidents.state.acknowledged', { level: state.level, who: name(state.acknowledgedBy) })
        : t('incidents.state.resolved', { level: state.level, who: name(state.resolvedBy) });
  const timezone = incident.snapshot.timezone;
  const lines = [
    summary,
    t('incidents.field.source', { source: incident.source }),
    t('ackLink.field.opened', { time: dateTime(incident.openedAt, locale, timezone), timezone }),
  ];
  if (state.status !== 'resolved' && state.paged.length > 0) {
    lines.push(t('incidents.field.paged', { people: state.paged.map(name).join(', ') }));
  }
  lines.push(t('ackLink.field.for', { name: name(person) }));
  return {
    lang: locale,
    heading: t('ackLink.page.heading'),
    title: t('incidents.title', { id: incident.id, title: incident.title }),
    lines,
    ...extra,
  };
}

/** What the link may still do to the incident now: acknowledge while open, escalate below N3. */
export function actionsOpen(incident: StoredIncident): LinkAction[] {
  const { state } = incident;
  if (state.status === 'resolved') return [];
  return [
    ...(state.status === 'open' ? (['acknowledge'] as const) : []),
    ...(nextLevel(state.level) !== undefined ? (['escalate'] as const) : []),
  ];
}

/** The form of the actions, the CSRF token in a hidden field. */
export function actionForm(locale: Locale, actions: readonly LinkAction[], csrf: string): HtmlForm {
  const t = pageText(locale);
  return {
    hidden: { csrf },
    buttons: actions.map((action) => ({
      name: 'action',
      value: action,
      label: t(action === 'acknowledge' ? 'ackLink.button.acknowledge' : 'ackLink.button.escalate'),
    })),
  };
}

/** A date and time for people, e.g. `12/03 14:05`, in the incident's timezone. */
function dateTime(ms: number, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: timezone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
