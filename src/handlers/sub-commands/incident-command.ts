import { levels } from '../../core/escalation/policy-snapshot.js';
import { foldRepeats } from '../../escalation/fold-repeats.js';
import { humanDuration, incidentMessage, recordText } from '../../escalation/incident-message.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { readIncident, readTimeline, recentIncidents } from '../../store/incidents/incident-queries.js';
import { responseTimes } from '../../store/incidents/incident-response-times.js';
import { CommandUsageError } from '../command-usage-error.js';
import { answerOutcome, notice, parseIncidentId, requireEscalation } from '../incident-handler-support.js';
import type { SubCommand } from '../sub-command.js';

const USAGE = 'incident open N1|N2|N3 "titre" | list | show ID | ack ID | resolve ID | reopen ID';

/** Strips the quotes Slack leaves around a title typed `"API 502"`. */
const titleOf = (words: readonly string[]) =>
  words
    .join(' ')
    .replace(/^["“«]\s*|\s*["”»]$/g, '')
    .slice(0, 150);

/** `/sama incident …`: open by hand (dedup on the title), list with MTTA/MTTR, show with its timeline, act. */
export const incidentCommand: SubCommand = {
  name: 'incident',
  usage: USAGE,
  summary: (locale) => translate(locale, msg('incidents.command.incident.summary')),
  async run({ invocation, args, services }) {
    const locale = services.inventory.locale;
    const [verb, ...rest] = args;
    const usage = () => new CommandUsageError(msg('incidents.error.usage', { usage: USAGE }));
    if (!verb) throw usage();
    const ready = await requireEscalation(services, invocation);
    if (!ready) return;
    const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
      translate(locale, msg(key, params));
    switch (verb.toLowerCase()) {
      case 'open': {
        const level = (rest[0] ?? '').toUpperCase();
        const title = titleOf(rest.slice(1));
        if (!levels.includes(level as (typeof levels)[number]) || title === '') throw usage();
        const outcome = await ready.escalation.open({
          dedupKey: `manual:${title.toLowerCase()}`,
          title,
          source: `/sama incident open (${invocation.userId})`,
          level: level as (typeof levels)[number],
          by: invocation.userId,
          channel: invocation.channelId,
        });
        const key = outcome.kind === 'opened' ? 'incidents.opened' : 'incidents.joined';
        await invocation.replies.respondEphemeral(
          notice(locale, key, { id: outcome.incident.id, level: outcome.incident.state.level }),
        );
        return;
      }
      case 'list': {
        const [incidents, times] = await Promise.all([
          recentIncidents(ready.pool, 20),
          responseTimes(ready.pool),
        ]);
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
        return;
      }
      case 'show': {
        const id = parseIncidentId(rest[0]);
        const incident = id === null ? null : await readIncident(ready.pool, id);
        if (id === null || !incident) {
          await invocation.replies.respondEphemeral(
            notice(locale, 'incidents.error.notFound', { id: rest[0] ?? '' }),
          );
          return;
        }
        const timeline = foldRepeats(await readTimeline(ready.pool, id));
        const message = incidentMessage(incident, locale, Date.now());
        const tz = incident.snapshot.timezone;
        await invocation.replies.reply({
          ...message,
          sections: [
            ...message.sections,
            {
              heading: t('incidents.timeline.heading'),
              lines: timeline.map((entry) => ({
                text: `${new Intl.DateTimeFormat('fr-FR', { timeZone: tz, timeStyle: 'medium' }).format(entry.at)} ${recordText(entry.record, locale, tz)}`,
              })),
            },
          ],
        });
        return;
      }
      case 'ack':
      case 'resolve':
      case 'reopen': {
        const id = parseIncidentId(rest[0]);
        if (id === null) throw usage();
        const kind =
          verb.toLowerCase() === 'ack' ? 'acknowledge' : (verb.toLowerCase() as 'resolve' | 'reopen');
        const outcome = await ready.escalation.act(id, { kind, by: invocation.userId });
        await answerOutcome(outcome, id, invocation, locale);
        return;
      }
      default:
        throw usage();
    }
  },
};
