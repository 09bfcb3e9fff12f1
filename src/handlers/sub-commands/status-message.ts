import { type CheckId, type CheckResult, statusRank, worstStatus } from '../../checks/check.js';
import type { Diagnosis } from '../../checks/run-checks.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { ChatMessage, MessageLine } from '../../render/message-model.js';

/** The checks `/sama status` runs: reachability per server and one liveness probe per service. */
export const statusCheckIds = [
  'host.reachable',
  'postgres.ping',
  'redis.ping',
  'rabbitmq.queue',
  'celery.workers',
  'api.health',
  'minio.live',
] as const satisfies readonly CheckId[];

/** Service a status line stands for; `null` keeps one line per target (API instances). */
const SERVICE_OF: Record<(typeof statusCheckIds)[number], string | null> = {
  'host.reachable': null,
  'postgres.ping': 'postgresql',
  'redis.ping': 'redis',
  'rabbitmq.queue': 'rabbitmq',
  'celery.workers': 'celery',
  'api.health': null,
  'minio.live': 'minio',
};

/**
 * One line per server, then one per service, in a stable order (a status board that reshuffles
 * is hard to read): RabbitMQ's per-queue results fold into one line with the worst queue's detail.
 */
export function statusMessage(diagnosis: Diagnosis, locale: Locale, platform: string): ChatMessage {
  const servers: MessageLine[] = [];
  const services = new Map<string, CheckResult[]>();
  for (const result of stableOrder(diagnosis.results)) {
    if (result.id === 'host.reachable') {
      servers.push(line(result.target, [result], locale));
      continue;
    }
    const name = SERVICE_OF[result.id as keyof typeof SERVICE_OF] ?? result.target;
    services.set(name, [...(services.get(name) ?? []), result]);
  }
  const sections: ChatMessage['sections'] = [];
  if (servers.length > 0)
    sections.push({ heading: translate(locale, msg('slack.status.servers')), lines: servers });
  if (services.size > 0) {
    sections.push({
      heading: translate(locale, msg('slack.status.services')),
      lines: [...services].map(([name, results]) => line(name, results, locale)),
    });
  }
  if (sections.length === 0)
    sections.push({ lines: [{ text: translate(locale, msg('slack.status.none')) }] });
  return {
    title: translate(locale, msg('slack.status.title', { platform })),
    status: diagnosis.status,
    sections,
  };
}

function stableOrder(results: readonly CheckResult[]): CheckResult[] {
  const index = (result: CheckResult) => (statusCheckIds as readonly CheckId[]).indexOf(result.id);
  return [...results].sort((a, b) => index(a) - index(b) || a.target.localeCompare(b.target));
}

/** The worst result of the group speaks for it. */
function line(name: string, results: readonly CheckResult[], locale: Locale): MessageLine {
  const status = worstStatus(results.map((result) => result.status));
  const worst = [...results].sort((a, b) => statusRank[b.status] - statusRank[a.status])[0];
  const detail = worst ? translate(locale, worst.detail) : '';
  return {
    status,
    text: translate(
      locale,
      msg('slack.status.line', { name, status: translate(locale, msg(`status.${status}`)), detail }),
    ),
  };
}
