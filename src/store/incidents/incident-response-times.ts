import type { Queryable } from './incident-queries.js';

/** Mean time to acknowledge and to resolve, per level the incident was at, in seconds. */
export interface ResponseTimes {
  level: string;
  acknowledged: number;
  mttaSeconds: number | null;
  resolved: number;
  mttrSeconds: number | null;
}

/**
 * MTTA and MTTR per level, from the timeline only: time from `opened` to the first `acknowledged`
 * and to `resolved`, grouped by the level recorded with the acknowledgement / resolution.
 */
export async function responseTimes(db: Queryable): Promise<ResponseTimes[]> {
  const { rows } = await db.query<{
    level: string;
    acknowledged: string;
    mtta: number | null;
    resolved: string;
    mttr: number | null;
  }>(
    `WITH opened AS (
       SELECT incident_id, min(at) AS at FROM incident_events WHERE type IN ('opened', 'reopened') GROUP BY incident_id),
     acked AS (
       SELECT DISTINCT ON (incident_id) incident_id, at, level FROM incident_events WHERE type = 'acknowledged' ORDER BY incident_id, id),
     solved AS (
       SELECT DISTINCT ON (incident_id) incident_id, at, level FROM incident_events WHERE type = 'resolved' ORDER BY incident_id, id DESC),
     levels(level) AS (VALUES ('N1'), ('N2'), ('N3'))
     SELECT levels.level,
       (SELECT count(*) FROM acked WHERE acked.level = levels.level) AS acknowledged,
       (SELECT avg(extract(epoch FROM acked.at - opened.at))::float8 FROM acked JOIN opened USING (incident_id) WHERE acked.level = levels.level) AS mtta,
       (SELECT count(*) FROM solved WHERE solved.level = levels.level) AS resolved,
       (SELECT avg(extract(epoch FROM solved.at - opened.at))::float8 FROM solved JOIN opened USING (incident_id) WHERE solved.level = levels.level) AS mttr
     FROM levels ORDER BY levels.level`,
  );
  return rows.map((row) => ({
    level: row.level,
    acknowledged: Number(row.acknowledged),
    mttaSeconds: row.mtta,
    resolved: Number(row.resolved),
    mttrSeconds: row.mttr,
  }));
}

/** MTTA and MTTR of one level in one calendar month, in seconds (null: none acknowledged / resolved). */
export interface MonthlyResponseTimes {
  /** `2026-10`, in the timezone asked for. */
  month: string;
  level: string;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
}

/**
 * MTTA and MTTR per calendar month (of the incident's opening, in `timezone`) and per level (as
 * `responseTimes` counts them), for incidents opened in [from, to). Months and levels with no
 * acknowledgement nor resolution are absent.
 */
export async function monthlyResponseTimes(
  db: Queryable,
  timezone: string,
  from: Date,
  to: Date,
): Promise<MonthlyResponseTimes[]> {
  const { rows } = await db.query<{ month: string; level: string; mtta: number | null; mttr: number | null }>(
    `WITH opened AS (
       SELECT incident_id, min(at) AS at FROM incident_events WHERE type IN ('opened', 'reopened') GROUP BY incident_id),
     acked AS (
       SELECT DISTINCT ON (incident_id) incident_id, at, level FROM incident_events WHERE type = 'acknowledged' ORDER BY incident_id, id),
     solved AS (
       SELECT DISTINCT ON (incident_id) incident_id, at, level FROM incident_events WHERE type = 'resolved' ORDER BY incident_id, id DESC),
     times AS (
       SELECT opened.at AS opened_at, 'ack' AS kind, acked.level, extract(epoch FROM acked.at - opened.at) AS seconds
         FROM acked JOIN opened USING (incident_id)
       UNION ALL
       SELECT opened.at, 'resolve', solved.level, extract(epoch FROM solved.at - opened.at)
         FROM solved JOIN opened USING (incident_id))
     SELECT to_char(opened_at AT TIME ZONE $1, 'YYYY-MM') AS month, level,
       (avg(seconds) FILTER (WHERE kind = 'ack'))::float8 AS mtta,
       (avg(seconds) FILTER (WHERE kind = 'resolve'))::float8 AS mttr
     FROM times WHERE opened_at >= $2 AND opened_at < $3
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [timezone, from, to],
  );
  return rows.map((row) => ({
    month: row.month,
    level: row.level,
    mttaSeconds: row.mtta,
    mttrSeconds: row.mttr,
  }));
}
