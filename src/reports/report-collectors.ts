import { dailyCollectors } from './daily-report.js';
import { monthlyCollectors } from './monthly-report.js';
import type { ReportCollector } from './report-collector.js';
import type { ReportKind } from './report-model.js';
import { weeklyCollectors } from './weekly-report.js';

/** The collectors of each report kind, in the order their sections appear. */
export const reportCollectors = {
  daily: dailyCollectors,
  weekly: weeklyCollectors,
  monthly: monthlyCollectors,
} satisfies Record<ReportKind, readonly ReportCollector[]>;
