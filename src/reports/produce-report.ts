import type { CheckContext } from '../checks/check.js';
import { type CollectOptions, collectReport } from './collect-report.js';
import { reportCollectors } from './report-collectors.js';
import type { Report, ReportKind } from './report-model.js';
import { latestReport, saveReport } from './report-store.js';
import { withTrend } from './report-trend.js';

/** What producing a report gives: the report (with its trend when stored ones exist), and whether it was stored. */
export interface ProducedReport {
  report: Report;
  /** False when another replica already stored this schedule slot, or when there is no store. */
  stored: boolean;
}

/** Options of one production: the bot's store (optional: without it there is no trend) and the schedule slot. */
export interface ProduceOptions extends CollectOptions {
  /** Schedule occurrence; a second report for the same slot is not stored. */
  slot?: string;
}

/** Collects a report of `kind`, compares it with the previous stored one, and stores it. */
export async function produceReport(
  kind: ReportKind,
  context: CheckContext,
  options: ProduceOptions = {},
): Promise<ProducedReport> {
  const collected = await collectReport(kind, reportCollectors[kind], context, options);
  if (!options.pool) return { report: collected, stored: false };
  const report = withTrend(collected, await latestReport(options.pool, kind));
  return { report, stored: await saveReport(options.pool, report, options.slot) };
}
