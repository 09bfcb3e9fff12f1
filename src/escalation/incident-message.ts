import type { TimelineRecord } from '../core/escalation/incident-state.js';
import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage, MessageButton } from '../render/message-model.js';
import { slackMention } from '../render/slack-text.js';
import type { StoredIncident } from '../store/incidents/incident-row.js';

/** Action ids of the incident buttons; their value is the incident id only. */
export const INCIDENT_ACTIONS = {
  acknowledge: 'sama.incident.ack',
  escalate: 'sama.incident.escalate',
  resolve: 'sama.incident.resolve',
  silence: 'sama.incident.silence',
} as const;

/** Action id of the Post-mortem button of a resolved major or critical incident; its value is the incident id. */
export const POSTMORTEM_ACTION = 'sama.incident.postmortem';

/** How long the Silence button mutes an incident's pings and escalations. */
export const SILENCE_DURATION_MS = 3_600_000;

/** A live Slack mention, shown as the person's name by Slack; the bot itself (`samaops`: watch, alerts) is written plainly. */
export const mention = (slackId: string) => slackMention(slackId);

/** A time of day in the inventory's timezone, e.g. `14:05`. */
export function clockTime(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

/** A duration for people: `2 h 05 min`, `4 min`, `30 s`. */
export function humanDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * One timeline record as a line of the incident's thread. People are named by `who`: live Slack
 * mentions by default; a post-mortem file names them in plain text.
 */
export function recordText(
  record: TimelineRecord,
  locale: Locale,
  timezone: string,
  who: (slackId: string) => string = mention,
): string {
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    translate(locale, msg(key, params));
  switch (record.type) {
    case 'opened':
      return t('incidents.event.opened', { level: record.level, who: who(record.by) });
    case 'paged':
      return t('incidents.event.paged', {
        level: record.level,
        people: record.people.map(who).join(' '),
        reason: t(`incidents.reason.${record.reason}`),
      });
    case 'level-skipped':
      return t('incidents.event.levelSkipped', { level: record.level });
    case 'nobody-reachable':
      return t('incidents.event.nobodyReachable', { level: record.level });
    case 'page-suppressed':
      return t('incidents.event.pageSuppressed', { level: record.level });
    case 'sla-breached':
      return t('incidents.event.slaBreached', { level: record.level });
    case 'acknowledged':
      return t(record.via ? 'incidents.event.acknowledgedViaLink' : 'incidents.event.acknowledged', {
        level: record.level,
        who: who(record.by),
      });
    case 'escalated':
      return record.by === null
        ? t('incidents.event.escalatedAuto', { from: record.from, to: record.to })
        : t(record.via ? 'incidents.event.escalatedByViaLink' : 'incidents.event.escalatedBy', {
            from: record.from,
            to: record.to,
            who: who(record.by),
          });
    case 'resolved':
      return t('incidents.event.resolved', { level: record.level, who: who(record.by) });
    case 'silenced':
      return t('incidents.event.silenced', {
        time: clockTime(record.untilMs, timezone),
        who: who(record.by),
      });
    case 'reopened':
      return t('incidents.event.reopened', { who: who(record.by) });
    case 'duplicate':
      return (record.count ?? 1) > 1
        ? t('incidents.event.duplicateTimes', { source: record.source, count: record.count ?? 1 })
        : t('incidents.event.duplicate', { source: record.source });
    case 'failed-over':
      return t('pages.event.failedOver', {
        level: record.level,
        people: record.people.map(mention).join(' '),
        channels: record.channels.map((channel) => t(`pages.channel.${channel}`)).join(', '),
      });
    case 'recovered':
      return t(record.autoResolve ? 'incidents.event.recoveredResolving' : 'incidents.event.recovered', {
        checks: record.checks,
        left: humanDuration(record.healthyMs),
      });
  }
}

/** A message of the catalogue in the reader's language. */
type Translate = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) => string;

/** Levels whose resolved incidents offer a post-mortem draft: major and critical (N2, N3). */
const POSTMORTEM_LEVELS: ReadonlySet<string> = new Set(['N2', 'N3']);

/**
 * The incident's own message: level and state, title, source, who was paged, who acknowledged,
 * time left to the resolve deadline, and the four buttons while it is not resolved; once a major
 * or critical one is resolved, the post-mortem button.
 */
export function incidentMessage(incident: StoredIncident, locale: Locale, now: number): ChatMessage {
  const t: Translate = (key, params) => translate(locale, msg(key, params));
  const { state } = incident;
  const buttons =
    state.status !== 'resolved'
      ? incidentButtons(t, incident)
      : POSTMORTEM_LEVELS.has(state.level)
        ? [
            {
              actionId: POSTMORTEM_ACTION,
              label: t('postmortem.button'),
              value: String(incident.id),
            },
          ]
        : [];
  return {
    title: t('incidents.title', { id: incident.id, title: incident.title }),
    summary: stateSummary(t, state),
    status: state.status === 'resolved' ? 'ok' : state.level === 'N1' ? 'warn' : 'fail',
    sections: [{ lines: incidentLines(t, incident, now) }],
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/** The level and the state: open, acknowledged by whom, resolved by whom. */
function stateSummary(t: Translate, state: StoredIncident['state']): string {
  return state.status === 'open'
    ? t('incidents.state.open', { level: state.level })
    : state.status === 'acknowledged'
      ? t('incidents.state.acknowledged', { level: state.level, who: mention(state.acknowledgedBy) })
      : t('incidents.state.resolved', { level: state.level, who: mention(state.resolvedBy) });
}

/** The source; while unresolved, who was paged, the resolve deadline and a running silence. */
function incidentLines(t: Translate, incident: StoredIncident, now: number): { text: string }[] {
  const { state } = incident;
  const tz = incident.snapshot.timezone;
  const lines = [{ text: t('incidents.field.source', { source: incident.source }) }];
  if (state.status === 'resolved') return lines;
  lines.push({
    text:
      state.paged.length > 0
        ? t('incidents.field.paged', { people: state.paged.map(mention).join(' ') })
        : t('incidents.field.nobodyPaged'),
  });
  const due = state.deadlines.resolveBy;
  if (due !== null) {
    lines.push({
      text:
        due > now
          ? t('incidents.field.deadline', { time: clockTime(due, tz), left: humanDuration(due - now) })
          : t('incidents.field.deadlinePassed', { time: clockTime(due, tz) }),
    });
  }
  if (state.silencedUntil !== null && state.silencedUntil > now) {
    lines.push({ text: t('incidents.field.silenced', { time: clockTime(state.silencedUntil, tz) }) });
  }
  return lines;
}

/** Acknowledge (while open), Escalate, Resolve and Silence, the last two behind a confirmation. */
function incidentButtons(t: Translate, incident: StoredIncident): MessageButton[] {
  const value = String(incident.id);
  const about = { id: incident.id, level: incident.state.level, title: incident.title };
  const acknowledge: MessageButton[] =
    incident.state.status === 'open'
      ? [
          {
            actionId: INCIDENT_ACTIONS.acknowledge,
            label: t('incidents.button.acknowledge'),
            value,
            style: 'primary',
          },
        ]
      : [];
  return [
    ...acknowledge,
    { actionId: INCIDENT_ACTIONS.escalate, label: t('incidents.button.escalate'), value },
    {
      actionId: INCIDENT_ACTIONS.resolve,
      label: t('incidents.button.resolve'),
      value,
      confirm: {
        title: t('incidents.confirm.resolve.title', about),
        text: t('incidents.confirm.resolve.text', about),
        confirm: t('incidents.confirm.resolve.confirm'),
        deny: t('incidents.confirm.deny'),
      },
    },
    {
      actionId: INCIDENT_ACTIONS.silence,
      label: t('incidents.button.silence'),
      value,
      style: 'danger',
      confirm: {
        title: t('incidents.confirm.silence.title', about),
        text: t('incidents.confirm.silence.text', { ...about, duration: humanDuration(SILENCE_DURATION_MS) }),
        confirm: t('incidents.confirm.silence.confirm'),
        deny: t('incidents.confirm.deny'),
      },
    },
  ];
}
