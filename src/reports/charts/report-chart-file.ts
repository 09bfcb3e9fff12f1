import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { Logger } from '../../logging/logger.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { chartSvg } from '../../render/chart/chart-svg.js';
import type { UploadFile } from '../../render/reply-port.js';
import type { ReportKind } from '../report-model.js';
import { svgToPng } from './chart-png.js';
import { type ReportChartDeps, reportChartSheet } from './report-chart.js';

/** True for the reports that carry charts: the weekly and the monthly (a day is too short a period). */
export function hasCharts(kind: ReportKind): boolean {
  return kind !== 'daily';
}

/** The report's charts as a PNG file to share in its thread, e.g. `samaops-monthly-2026-11-01.png`. */
export async function reportChartFile(
  kind: ReportKind,
  deps: ReportChartDeps & { fontFile?: string },
): Promise<UploadFile> {
  const sheet = await reportChartSheet(kind, deps);
  const bytes = await svgToPng(chartSvg(sheet), deps.fontFile);
  const { locale, timezone } = deps.inventory;
  // en-CA writes dates as YYYY-MM-DD: a file name that sorts.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(deps.now ?? new Date());
  return {
    filename: `samaops-${kind}-${day}.png`,
    title: translate(locale, msg('chart.file.title', { title: sheet.title })),
    altText: translate(locale, msg('chart.file.alt')),
    bytes,
  };
}

/**
 * The charts of a report of `kind` as of `at`, or undefined: none for the daily report, and none
 * (logged) when they cannot be drawn (no font, the database down): the report posts without them.
 */
export function chartsForReports(
  deps: Omit<ReportChartDeps, 'now'> & { logger: Logger },
): (kind: ReportKind, at: Date) => Promise<UploadFile | undefined> {
  return async (kind, at) => {
    if (!hasCharts(kind)) return undefined;
    try {
      return await reportChartFile(kind, { ...deps, now: at });
    } catch (error) {
      const err = scrubSecrets(error instanceof Error ? error.message : String(error));
      deps.logger.warn({ kind, err }, 'report charts not drawn');
      return undefined;
    }
  };
}
