import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { minuteOf } from '../../src/core/slo/minute-series.js';
import { monthRange } from '../../src/core/slo/month-range.js';
import { inventoryAccessPolicy } from '../../src/handlers/access-policy.js';
import { routeCommand } from '../../src/handlers/route-command.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { collectReport } from '../../src/reports/collect-report.js';
import type { ReportSection } from '../../src/reports/report-model.js';
import { monthSlo } from '../../src/reports/slo-section.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { recordingReplies } from '../handlers/recording-replies.js';
import { counterHistory, type PrometheusServer, startPrometheus } from '../support/prometheus-server.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { fillSloSeries } from '../support/slo-series-fill.js';

// The monthly report's SLO section: the watch's series in a scratch bot database, and the HTTP
// error rate and notifications sent from a real Prometheus (Debian's) serving a backfilled November.

let database: ScratchDatabase;
let pool: pg.Pool;
let prometheus: PrometheusServer;
const NOVEMBER = monthRange({ year: 2026, month: 11 }, 'Africa/Dakar');
const HTTP_ERRORS =
  '100 * sum(increase(http_requests_total{status=~"5.."}[$window])) / sum(increase(http_requests_total[$window]))';
const SENT =
  '100 * sum(increase(notifications_total{outcome="sent"}[$window])) / sum(increase(notifications_total[$window]))';

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  const outage: [number, number] = [
    minuteOf(Date.UTC(2026, 10, 14, 10)),
    minuteOf(Date.UTC(2026, 10, 14, 10, 30)),
  ];
  await fillSloSeries(pool, { checkId: 'api.health', target: 'api-1' }, NOVEMBER.from, NOVEMBER.to, outage);
  await fillSloSeries(pool, { checkId: 'api.health', target: 'api-2' }, NOVEMBER.from, NOVEMBER.to);
  // Two requests in 1,002 fail (0.1996 %); 97 % of the notifications are sent.
  const [from, to] = [Date.UTC(2026, 9, 31, 22), Date.UTC(2026, 11, 1, 2)];
  prometheus = await startPrometheus(
    [
      counterHistory(
        'http_requests_total',
        [
          { labels: 'status="200"', perStep: 1000 },
          { labels: 'status="500"', perStep: 2 },
        ],
        from,
        to,
      ),
      counterHistory(
        'notifications_total',
        [
          { labels: 'outcome="sent"', perStep: 97 },
          { labels: 'outcome="failed"', perStep: 3 },
        ],
        from,
        to,
      ),
      '# EOF\n',
    ].join('\n'),
  );
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  await pool?.end();
  await database?.drop();
});

async function sloSectionAt(now: string, extra = ''): Promise<ReportSection> {
  const inventory = parseInventory(
    `platform: Test\ntimezone: Africa/Dakar\nlocale: fr\n${extra}`,
    'inline.yml',
  );
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    const report = await collectReport(
      'monthly',
      [monthSlo],
      { inventory, clients },
      { pool, now: () => new Date(now) },
    );
    const section = report.sections[0];
    if (!section) throw new Error('no SLO section');
    return section;
  } finally {
    await clients.close();
  }
}

const lines = (section: ReportSection) =>
  section.lines.map((line) => [line.label, line.status, translate('fr', line.text)]);

const withPrometheus = (httpErrors: string) =>
  `services:\n  prometheus:\n    url: ${prometheus.url}\nslo:\n  httpErrors:\n    query: '${httpErrors}'\n  notificationsSent:\n    query: '${SENT}'\n`;

describe('the monthly report’s SLO section', () => {
  it('on 1 December, November whole: 99.93 % for the 30-minute outage, p95, budgets, and Prometheus’s figures', async () => {
    const section = await sloSectionAt('2026-12-01T06:00:00Z', withPrometheus(HTTP_ERRORS));
    expect(translate('fr', section.title)).toBe('SLO — novembre 2026, mois entier (heure Africa/Dakar)');
    expect(lines(section)).toEqual([
      [
        'api',
        'ok',
        'disponibilité 99,93 % (objectif 99,9 %, critique 99,5 %) ; budget d’erreur 30,5 % restant : 30 min sur 43,2 min (30 min en panne, 0 min inconnue : aucun passage de la veille)',
      ],
      [
        'api',
        'ok',
        'latence p95 87 ms (objectif < 500 ms, critique < 1000 ms) ; budget d’erreur 100 % restant : 0 sur 86370 mesures au-dessus de 500 ms',
      ],
      [
        'db',
        'unknown',
        'disponibilité inconnue : aucun passage de la veille sur la période (postgres.ping ; la veille doit exécuter ces contrôles)',
      ],
      ['db', 'unknown', 'latence p95 inconnue : aucune mesure de postgres.ping sur la période'],
      ['erreurs HTTP', 'warn', '0,19 % (objectif < 0,1 %, critique < 1 %), selon Prometheus'],
      ['notifications envoyées', 'ok', '97 % (objectif > 95 %, critique > 90 %), selon Prometheus'],
    ]);
    expect(section.lines[0]).toMatchObject({ metric: 'slo.availability:api', value: 99.93, unit: '%' });
  });

  it('a query Prometheus refuses shows Prometheus’s own error', async () => {
    const section = await sloSectionAt(
      '2026-12-01T06:00:00Z',
      withPrometheus('sum(rate(http_requests_total[$window])'),
    );
    const http = section.lines.find((line) => line.metric === 'slo.httpErrors');
    expect(http?.status).toBe('unknown');
    expect(translate('en', http?.text ?? { key: 'slo.noStore' })).toMatch(
      /^unknown: Prometheus refused the query \(bad_data\): invalid parameter "query": .*unclosed left parenthesis/,
    );
  });

  it('without Prometheus, HTTP errors and notifications say they are not measurable, and nothing is guessed', async () => {
    const section = await sloSectionAt('2026-11-20T12:00:00Z');
    expect(lines(section).slice(-2)).toEqual([
      [
        'erreurs HTTP',
        'unknown',
        'non mesurable par les sondes du bot : renseigner services.prometheus.url et slo.httpErrors.query',
      ],
      [
        'notifications envoyées',
        'unknown',
        'non mesurable par les sondes du bot : renseigner services.prometheus.url et slo.notificationsSent.query',
      ],
    ]);
    // The month so far: 1st to the 20th, 12:00; the watch left no unknown minute in that time.
    expect(translate('fr', section.title)).toMatch(/^SLO — novembre 2026, du 1er au 20 \(mois en cours/);
    expect(translate('fr', section.lines[0]?.text ?? { key: 'slo.noStore' })).toContain(
      '(30 min en panne, 0 min inconnue',
    );
  });

  it('/sama slo 2026-11 shows the same lines, in the channel', async () => {
    const inventory = parseInventory(
      `platform: Test\nlocale: fr\nteam: [{ slackId: UTESTOPS1, name: Awa, roles: [devops] }]\n`,
      'inline.yml',
    );
    const clients = createPlatformClients(inventory, silentLogger());
    const replies = recordingReplies();
    try {
      const services = {
        inventory,
        clients,
        logger: silentLogger(),
        metrics: createMetrics(),
        access: inventoryAccessPolicy(inventory),
        diagnoses: shareDiagnoses({ inventory, clients }),
        store: { pool, close: async () => undefined },
      };
      expect(
        await routeCommand('slo 2026-11', { userId: 'UTESTOPS1', channelId: 'C1', replies }, services),
      ).toBe('ok');
    } finally {
      await clients.close();
    }
    const [answer, ...rest] = replies.recorded;
    expect(rest).toEqual([]);
    expect(answer?.kind).toBe('reply');
    expect(answer?.message).toMatchObject({
      title: 'Test — SLO',
      summary: 'SLO — novembre 2026, mois entier (heure Africa/Dakar)',
      status: 'unknown',
    });
    expect(answer?.message.sections[0]?.lines[0]).toEqual({
      status: 'ok',
      text: expect.stringMatching(/^\*api\* — disponibilité 99,93 % /),
    });
  });
});
