import { levels } from '../../core/escalation/policy-snapshot.js';
import type { EscalationService } from '../../escalation/escalation-service.js';
import { foldRepeats } from '../../escalation/fold-repeats.js';
import { humanDuration, incidentMessage, recordText } from '../../escalation/incident-message.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { localeFor } from '../../render/reply-port.js';
import { readIncident, readTimeline, recentIncidents } from '../../store/incidents/incident-queries.js';
import { responseTimes } from '../../store/incidents/incident-response-times.js';
import { CommandUsageError } from '../command-usage-error.js';
import type { HandlerServices, Invocation } from '../handler-context.js';
import { answerOutcome, notice, parseIncidentId, requireEscalation } from '../incident-handler-support.js';
import { postPostmortem } from '../post-postmortem.js';
import type { SubCommand } from '../sub-command.js';

const USAGE = msg('usage.incident');

const usageError = () => new CommandUsageError(msg('incidents.error.usage', { usage: USAGE }));

/** What one verb of `/sama incident` works with, once escalation is known to be there. */
interface VerbCall {
  invocation: Invocation;
  /** Words after the verb. */
  rest: readonly string[];
  locale: Locale;
  escalation: EscalationService;
  pool: NonNullable<HandlerServices['store']['pool']>;
  services: HandlerServices;
}

/** Strips the quotes Slack leaves around a title typed `"API 502"`. */
const titleOf = (words: readonly string[]) =>
  words
    .join(' ')
    .replace(/^["“«]\s*|\s*["”»]$/g, '')
    .slice(0, 150);

const text = (locale: Locale, key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
  translate(locale, msg(key, params));

/** `open N2 "titre"`: opens an incident by hand, or joins the open one of the same title. */
async function openIncident({ invocation, rest, locale, escalation }: VerbCall): Promise<void> {
  const level = (rest[0] ?? '').toUpperCase();
  const title = titleOf(rest.slice(1));
  if (!levels.includes(level as (typeof levels)[number]) || title === '') throw usageError();
  const outcome = await escalation.open({
    dedupKey: `manual:${title.toLowerCase()}`,
    title,
    source: `/sama incident open (${invocation.userId})`,
    level: level as (typeof levels)[number],
    by: invocation.userId,
    channel: invocation.channelId,
  });
  const key = outcome.kind === 'opened' ? 'incidents.opened' : 'incidents.joined';
  await invocation.replies.respondEphemeral(
    notice(await localeFor(invocation, locale), key, {
      id: outcome.incident.id,
      level: outcome.incident.state.level,
    }),
  );
}

/** `list`: the recent incidents with their state, and MTTA/MTTR per level. */
async function listIncidents({ invocation, locale, pool }: VerbCall): Promise<void> {
  const [incidents, times] = await Promise.all([recentIncidents(pool, 20), responseTimes(pool)]);
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    text(locale, key, params);
  const duration = (seconds: number | null) => (seconds === null ? '—' : humanDuration(seconds * 1000));
  await invocation.replies.reply({
    title: t('incidents.list.title'),
    ...(incidents.length === 0 ? { summary: t('incidents.list.empty') } : {}),
    sections: [
      {
        lines: incidents.map((incident) => ({
          text: t('incidents.list.line', {
            id: incident.id,
            title: incident.title,
            state: incidentMessage(incident, locale, Date.now()).summary ?? '',
          }),
          status: incident.state.status === 'resolved' ? ('ok' as const) : ('fail' as const),
        })),
      },
      {
        heading: t('incidents.list.timesHeading'),
        lines: times.map((row) => ({
          text: t('incidents.list.times', {
            level: row.level,
            mtta: duration(row.mttaSeconds),
            mttr: duration(row.mttrSeconds),
            resolved: row.resolved,
          }),
        })),
      },
    ],
  });
}

/** `show ID`: the incident's message followed by its timeline (repeats folded). */
async function showIncident({ invocation, rest, locale, pool }: VerbCall): Promise<void> {
  const id = parseIncidentId(rest[0]);
  const incident = id === null ? null : await readIncident(pool, id);
  if (id === null || !incident) {
    await invocation.replies.respondEphemeral(
      notice(await localeFor(invocation, locale), 'incidents.error.notFound', { id: rest[0] ?? '' }),
    );
    return;
  }
  const timeline = foldRepeats(await readTimeline(pool, id));
  const message = incidentMessage(incident, locale, Date.now());
  const tz = incident.snapshot.timezone;
  const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: tz, timeStyle: 'medium' });
  await invocation.replies.reply({
    ...message,
    sections: [
      ...message.sections,
      {
        heading: text(locale, 'incidents.timeline.heading'),
        lines: timeline.map((entry) => ({
          text: `${clock.format(entry.at)} ${recordText(entry.record, locale, tz)}`,
        })),
      },
    ],
  });
}

/** `ack ID`, `resolve ID`, `reopen ID`: one step of the incident, by the person who typed it. */
const actOnIncident =
  (kind: 'acknowledge' | 'resolve' | 'reopen') =>
  async ({ invocation, rest, locale, escalation }: VerbCall): Promise<void> => {
    const id = parseIncidentId(rest[0]);
    if (id === null) throw usageError();
    const outcome = await escalation.act(id, { kind, by: invocation.userId });
    await answerOutcome(outcome, id, invocation, locale);
  };

/** `postmortem ID`: the incident's post-mortem draft, as a Markdown file in its thread. */
async function postmortem({ invocation, rest, pool, services }: VerbCall): Promise<void> {
  const id = parseIncidentId(rest[0]);
  if (id === null) throw usageError();
  await postPostmortem(invocation, services, pool, id);
}

/** Each verb, as typed (in lower case), and what it does. */
const VERBS: Readonly<Record<string, (call: VerbCall) => Promise<void>>> = {
  open: openIncident,
  list: listIncidents,
  show: showIncident,
  ack: actOnIncident('acknowledge'),
  resolve: actOnIncident('resolve'),
  reopen: actOnIncident('reopen'),
  postmortem,
};

/** `/sama incident …`: open by hand (dedup on the title), list with MTTA/MTTR, show with its timeline, act, post-mortem. */
export const incidentCommand: SubCommand = {
  name: 'incident',
  usage: USAGE,
  summary: (locale) => translate(locale, msg('incidents.command.incident.summary')),
  async run({ invocation, args, services }) {
    const [verb, ...rest] = args;
    if (!verb) throw usageError();
    const ready = await requireEscalation(services, invocation);
    if (!ready) return;
    const word = verb.toLowerCase();
    const runVerb = Object.hasOwn(VERBS, word) ? VERBS[word] : undefined;
    if (!runVerb) throw usageError();
    await runVerb({ invocation, rest, locale: services.inventory.locale, services, ...ready });
  },
};
