import type { CheckResult, CheckStatus } from '../../src/checks/check.js';
import { escalationPolicySchema } from '../../src/config/escalation-policy-schema.js';
import { sloSchema } from '../../src/config/slo-schema.js';
import { MINUTE_MS } from '../../src/core/slo/minute-series.js';
import { monthRange } from '../../src/core/slo/month-range.js';
import { computeSloFigures } from '../../src/core/slo/slo-figures.js';
import { burnRateTick } from '../../src/escalation/watch/burn-rate-tick.js';
import { recordSloRun } from '../../src/escalation/watch/feed-slo.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { readSloFigures, sloCheckIds } from '../../src/store/slo/slo-figures-store.js';
import { readSamples } from '../../src/store/slo/slo-samples.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import { fillSloSeries } from '../../test/support/slo-series-fill.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const SECTION = 'slo';
const TIMEZONE = 'Africa/Dakar';
/** November 2026: 30 days, 43,200 minutes. */
const MONTH = monthRange({ year: 2026, month: 11 }, TIMEZONE);
/** The other checks of a watch run of the `all` playbook, which the series leaves out. */
const OTHER_CHECKS = ['disk.usage', 'docker.containers', 'redis.ping', 'rabbitmq.queue', 'host.reachable'];

/** The series the default SLOs keep from such a run. */
const SLO_SERIES = [
  ['api.health', 'samaconso_api_1'],
  ['api.health', 'samaconso_api_2'],
  ['postgres.ping', 'postgres'],
] as const;

/** What one watch run of the `all` playbook reports: 3 SLO results (2 API instances, PostgreSQL) among 33. */
function runResults(minute: number): CheckResult[] {
  const down = minute % 1440 < 2; // two minutes down a day: a few burn-rate verdicts to compute
  const result = (id: string, target: string, status: CheckStatus, value: number | null) =>
    ({ id, target, status, value }) as unknown as CheckResult;
  return [
    result('api.health', 'samaconso_api_1', down ? 'fail' : 'ok', down ? null : 60 + (minute % 40)),
    result('api.health', 'samaconso_api_2', 'ok', 65 + (minute % 35)),
    result('postgres.ping', 'postgres', 'ok', 2 + (minute % 5)),
    ...Array.from({ length: 30 }, (_, index) =>
      result(OTHER_CHECKS[index % OTHER_CHECKS.length] ?? 'disk.usage', `t${index}`, 'ok', index),
    ),
  ];
}

const timed = async <T>(work: () => Promise<T>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/**
 * The SLO series after a simulated month of watch runs (one a minute, with the default SLOs), its size in rows and bytes, and how long a month's SLO figures and one
 * run's burn-rate evaluation take.
 */
export async function sloBench(): Promise<BenchRow[]> {
  const database = await createScratchDatabase('samaops_bench_slo');
  const pool = createBotDatabase(database.url, silentLogger());
  try {
    await migrate(pool);
    const slo = sloSchema.parse({});
    // The first day run by run as the watch records it (the per-run cost), the other 29 days in
    // bulk: the same rows, a shorter hold of the bench lock.
    const recording: number[] = [];
    for (let minute = MONTH.from; minute < MONTH.from + 1440; minute += 1)
      recording.push(await timed(() => recordSloRun(pool, slo, runResults(minute), minute)));
    for (const [checkId, target] of SLO_SERIES)
      await fillSloSeries(pool, { checkId, target }, MONTH.from + 1440, MONTH.to);
    await pool.query('VACUUM ANALYZE slo_samples');
    const { rows } = await pool.query<{ rows: number; bytes: string; series: string }>(
      `SELECT (SELECT count(*)::int FROM slo_samples) AS rows,
              pg_total_relation_size('slo_samples') AS bytes,
              pg_total_relation_size('slo_series') AS series`,
    );
    const size = rows[0] ?? { rows: 0, bytes: '0', series: '0' };
    const figures: number[] = [];
    const reads: number[] = [];
    const computes: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      figures.push(await timed(() => readSloFigures(pool, slo.services, MONTH)));
      const samples = await readSamples(pool, sloCheckIds(slo.services), MONTH);
      reads.push(await timed(() => readSamples(pool, sloCheckIds(slo.services), MONTH)));
      computes.push(await timed(async () => computeSloFigures(slo.services, samples, MONTH)));
    }
    const watch = escalationPolicySchema.parse({}).watch;
    const noIncident = async () => Promise.reject(new Error('no incident expected in the bench'));
    const service = { open: noIncident, act: noIncident, note: noIncident };
    const burns: number[] = [];
    for (let run = 0; run < 50; run += 1) {
      const minute = MONTH.from + 10 * 1440 + 600 + run;
      burns.push(
        await timed(() =>
          burnRateTick({ pool, service, slo, watch, locale: 'fr' }, minute, minute * MINUTE_MS),
        ),
      );
    }
    const bytes = Number(size.bytes);
    const median = (samples: number[]) => round1(summarise(samples).median);
    return [
      {
        section: SECTION,
        measure: 'series after a month of watch runs (3 SLO series of 33 results a run): rows',
        value: size.rows,
        unit: 'rows',
      },
      {
        section: SECTION,
        measure: 'slo_samples size with its index (pg_total_relation_size)',
        value: round1(bytes / 1024 / 1024),
        unit: 'MiB',
        details: {
          bytes,
          bytesPerRow: round1(bytes / Math.max(1, size.rows)),
          seriesTableBytes: Number(size.series),
        },
      },
      {
        section: SECTION,
        measure: 'recording one watch run (roll-up and prune), median / p95',
        value: median(recording),
        unit: 'ms',
        details: { ...summarise(recording) },
      },
      {
        section: SECTION,
        measure: 'SLO figures of a month (readSloFigures), median of 5',
        value: median(figures),
        unit: 'ms',
        details: { readMs: median(reads), computeMs: median(computes) },
      },
      {
        section: SECTION,
        measure: 'burn-rate evaluation of one run (6 h read, verdicts, watch tick), median of 50',
        value: median(burns),
        unit: 'ms',
        details: { ...summarise(burns) },
      },
    ];
  } finally {
    await pool.end();
    await database.drop();
  }
}
