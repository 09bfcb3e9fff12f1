import { type CheckStatus, statusRank } from '../../checks/check.js';
import type { MinuteRange, MinuteSample } from '../../core/slo/minute-series.js';
import type { Queryable } from '../incidents/incident-queries.js';

/** A status from its stored rank (`statusRank`). */
const STATUS_OF_RANK = (Object.entries(statusRank) as Array<[CheckStatus, number]>)
  .sort((a, b) => a[1] - b[1])
  .map(([status]) => status);

/** One run's result for a (check, target), as the series keeps it. */
export interface RunSample {
  checkId: string;
  target: string;
  status: CheckStatus;
  value: number | null;
}

/**
 * Folds one watch run into the minute's row of each (check, target): the worst status and the
 * largest value of the minute's runs (a second run in the same minute, or a replica's, only makes
 * it worse). Names a new series on first sight. Two statements; the rows of one minute of one
 * series are upserted once per run, whatever the number of replicas.
 */
export async function recordRunSamples(
  db: Queryable,
  minute: number,
  samples: readonly RunSample[],
): Promise<void> {
  const unique = new Map(samples.map((sample) => [`${sample.checkId} ${sample.target}`, sample]));
  if (unique.size === 0) return;
  const rows = [...unique.values()];
  const checks = rows.map((row) => row.checkId);
  const targets = rows.map((row) => row.target);
  await db.query(
    `INSERT INTO slo_series (check_id, target)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (check_id, target) DO NOTHING`,
    [checks, targets],
  );
  await db.query(
    `INSERT INTO slo_samples (minute, series_id, status, value)
     SELECT $1, s.id, i.status, i.value
       FROM unnest($2::text[], $3::text[], $4::smallint[], $5::real[]) AS i(check_id, target, status, value)
       JOIN slo_series s ON s.check_id = i.check_id AND s.target = i.target
     ON CONFLICT (minute, series_id) DO UPDATE
       SET status = GREATEST(slo_samples.status, EXCLUDED.status),
           value = GREATEST(slo_samples.value, EXCLUDED.value)`,
    [minute, checks, targets, rows.map((row) => statusRank[row.status]), rows.map((row) => row.value)],
  );
}

/** Deletes the samples older than `beforeMinute`; returns how many. */
export async function pruneSamples(db: Queryable, beforeMinute: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM slo_samples WHERE minute < $1', [beforeMinute]);
  return rowCount ?? 0;
}

/** The samples of some checks over a range of minutes, oldest first. */
export async function readSamples(
  db: Queryable,
  checks: readonly string[],
  range: MinuteRange,
): Promise<MinuteSample[]> {
  const { rows: series } = await db.query<{ id: number; check_id: string; target: string }>(
    'SELECT id, check_id, target FROM slo_series WHERE check_id = ANY($1::text[])',
    [[...checks]],
  );
  if (series.length === 0) return [];
  const named = new Map(series.map((row) => [row.id, row]));
  // Numbers only, as arrays: a month is a hundred thousand rows, and text or named fields cost per row.
  const { rows } = await db.query<[number, number, number, number | null]>({
    text: `SELECT minute, series_id, status, value FROM slo_samples
            WHERE minute >= $1 AND minute < $2 AND series_id = ANY($3::smallint[])
            ORDER BY minute`,
    values: [range.from, range.to, [...named.keys()]],
    rowMode: 'array',
  });
  return rows.map(([minute, seriesId, status, value]) => {
    const { check_id: checkId = '', target = '' } = named.get(seriesId) ?? {};
    return { minute, checkId, target, status: STATUS_OF_RANK[status] ?? 'unknown', value };
  });
}
