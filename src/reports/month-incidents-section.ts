import type pg from 'pg';
import { worstStatus } from '../checks/check.js';
import { msg } from '../i18n/message.js';
import type { ReportCollector } from './report-collector.js';
import type { ReportLine } from './report-model.js';
import { monthLabel, reportMonth } from './report-month.js';

/**
 * Incidents opened in the month, per level: from the 1st at 00:00 in the inventory's timezone to
 * the next month's 1st, or to the run's time for the month so far.
 */
const MONTH_INCIDENTS_SQL = `
  SELECT level, count(*)::int AS count,
         round(avg(extract(epoch FROM acknowledged_at - opened_at)) / 60)::float8 AS mtta,
         round(avg(extract(epoch FROM resolved_at - opened_at)) / 60)::float8 AS mttr
  FROM incidents
  WHERE opened_at >= make_timestamptz($1, $2, 1, 0, 0, 0, $5)
    AND opened_at < LEAST(make_timestamptz($3, $4, 1, 0, 0, 0, $5), $6::timestamptz)
  GROUP BY level ORDER BY level`;

/**
 * The month's incidents from the bot's database: count per level, mean time to acknowledge and to
 * resolve. The month is a calendar month in the inventory's timezone (reportMonth): the scheduled
 * report on the 1st counts the previous month whole; a run by hand on another day counts the month
 * so far. The section's title names the month and says which.
 */
export const monthIncidents: ReportCollector = {
  id: 'incidents',
  title: msg('report.section.incidents'),
  async collect({ inventory, pool, now = new Date() }) {
    const period = reportMonth(now, inventory.timezone);
    const params = { month: monthLabel(period, inventory.locale), timezone: inventory.timezone };
    const title = period.whole
      ? msg('report.section.incidentsWholeMonth', params)
      : msg('report.section.incidentsMonthSoFar', { ...params, day: period.day });
    const lines = await incidentLines(pool, [
      period.year,
      period.month,
      period.next.year,
      period.next.month,
      inventory.timezone,
      now.toISOString(),
    ]);
    return { id: 'incidents', title, status: worstStatus(lines.map((line) => line.status)), lines };
  },
};

async function incidentLines(pool: pg.Pool | undefined, params: (string | number)[]): Promise<ReportLine[]> {
  if (!pool) return [{ label: 'incidents', status: 'unknown', text: msg('report.incidents.noStore') }];
  const { rows } = await pool.query<{
    level: string;
    count: number;
    mtta: number | null;
    mttr: number | null;
  }>(MONTH_INCIDENTS_SQL, params);
  if (rows.length === 0)
    return [{ label: 'incidents', status: 'ok', text: msg('report.incidents.none'), value: 0 }];
  return rows.map((row) => ({
    label: row.level,
    status: 'ok',
    text: msg('report.incidents.level', { count: row.count, mtta: row.mtta ?? '—', mttr: row.mttr ?? '—' }),
    metric: `incidents:${row.level}`,
    value: row.count,
    unit: 'count',
  }));
}
