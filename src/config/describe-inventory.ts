import type { Locale } from '../i18n/define-messages.js';
import { LANGUAGE_TAG } from '../i18n/format-number.js';
import { type Message, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { nextRuns } from './cron-pattern.js';
import type { Inventory } from './schema.js';

const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const;

/** A secret-free summary of an inventory, for `samaops check-config`; `now` anchors the next report runs. */
export function describeInventory(inventory: Inventory, locale: Locale, now: Date): string {
  const t = (message: Message) => translate(locale, message);
  const { services, servers } = inventory;
  const hostOf = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  };
  const notConfigured = t(msg('config.summary.notConfigured'));
  const service = (name: string, value: string | undefined) =>
    t(msg('config.summary.service', { name, value: value ?? notConfigured }));
  const { platform, timezone, checkTimeoutMs } = inventory;
  const lines = [
    t(msg('config.summary.platform', { platform, timezone, locale: inventory.locale, ms: checkTimeoutMs })),
    t(msg('config.summary.servers', { count: servers.length })),
    ...servers.map((server) =>
      t(
        msg('config.summary.server', {
          name: server.name,
          role: server.role,
          login: `${server.user}@${server.host}:${server.port}`,
          hostKey: server.hostKeyFingerprint ?? msg('config.summary.hostKeyUnpinned'),
          containers: server.containers.length,
          mounts: server.mountPoints.join(' '),
          globs: server.logGlobs.length,
        }),
      ),
    ),
    service('postgres', services.postgres && hostOf(services.postgres.url)),
    service('redis', services.redis && hostOf(services.redis.url)),
    service(
      'rabbitmq',
      services.rabbitmq &&
        t(
          msg('config.summary.rabbitmq', {
            host: hostOf(services.rabbitmq.url),
            queues: services.rabbitmq.queues.join(', '),
          }),
        ),
    ),
    service(
      'flower',
      services.flower &&
        t(
          msg('config.summary.flower', {
            host: hostOf(services.flower.url),
            count: services.flower.expectedWorkers,
          }),
        ),
    ),
    service('minio', services.minio && hostOf(services.minio.url)),
    service(
      'api',
      services.api.map((api) => `${api.name} (${hostOf(api.healthUrl)})`).join(', ') ||
        t(msg('config.summary.none')),
    ),
    t(msg('config.summary.team', { count: inventory.team.length })),
    ...REPORT_KINDS.map((kind) => scheduleLine(inventory, kind, locale, now)),
  ];
  return lines.join('\n');
}

/** `rapport quotidien « 0 6 * * * » : prochains jeu. 3 déc., 06:00 ; …` in the inventory's timezone. */
function scheduleLine(
  inventory: Inventory,
  kind: (typeof REPORT_KINDS)[number],
  locale: Locale,
  now: Date,
): string {
  const pattern = inventory.reports.schedules[kind];
  const format = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    timeZone: inventory.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const runs = nextRuns(pattern, inventory.timezone, now)
    .map((date) => format.format(date))
    .join(' | ');
  return translate(
    locale,
    msg('config.summary.schedule', { kind: msg(`config.summary.kind.${kind}`), pattern, runs }),
  );
}
