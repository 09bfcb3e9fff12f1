import type { Queryable } from '../incidents/incident-queries.js';

/**
 * The check ids with a watch incident (dedup key `check:<id>` or `check:<id>:<target>`) still
 * unresolved, or resolved since `sinceMs`: the failures a burn rate would count are already in an
 * incident people have seen. The SLOs' own burn-rate incidents (`check:slo.burn:…`) are not checks.
 */
export async function checksWithRecentIncidents(db: Queryable, sinceMs: number): Promise<Set<string>> {
  const { rows } = await db.query<{ check_id: string }>(
    `SELECT DISTINCT split_part(dedup_key, ':', 2) AS check_id FROM incidents
      WHERE dedup_key LIKE 'check:%' AND dedup_key NOT LIKE 'check:slo.burn:%'
        AND (state <> 'resolved' OR resolved_at >= $1)`,
    [new Date(sinceMs)],
  );
  return new Set(rows.map((row) => row.check_id));
}
