import type pg from 'pg';

/**
 * Fills the SLO series with one sample per minute of [from, to) for a (check, target), in one
 * statement: OK with a value of 40–89 ms, except the minutes of `down` ([from, to)), failed
 * without a value. What a month of watch runs leaves, without a month of runs.
 */
export async function fillSloSeries(
  pool: pg.Pool,
  series: { checkId: string; target: string },
  from: number,
  to: number,
  down?: [number, number],
): Promise<void> {
  await pool.query('INSERT INTO slo_series (check_id, target) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    series.checkId,
    series.target,
  ]);
  await pool.query(
    `INSERT INTO slo_samples (minute, series_id, status, value)
     SELECT m, (SELECT id FROM slo_series WHERE check_id = $1 AND target = $2),
            CASE WHEN m >= $5 AND m < $6 THEN 3 ELSE 0 END,
            CASE WHEN m >= $5 AND m < $6 THEN NULL ELSE 40 + m % 50 END
       FROM generate_series($3::int, $4::int - 1) AS m`,
    [series.checkId, series.target, from, to, down?.[0] ?? 0, down?.[1] ?? 0],
  );
}
