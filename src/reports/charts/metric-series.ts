import type { LineSeries } from '../../render/chart/chart-model.js';
import type { Report } from '../report-model.js';

/**
 * The history of one kind of metric across stored reports: a series per line label (a server's
 * mount, a queue), a point per report that has the section, in time order. A report whose
 * section could not measure a line (host unreachable) gives that line a gap, not a zero.
 */
export function metricSeries(
  reports: readonly Report[],
  sectionId: string,
  metricPrefix: string,
): LineSeries[] {
  const series = new Map<string, { x: number; y: number | null }[]>();
  const ordered = [...reports].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const report of ordered) {
    const x = Date.parse(report.createdAt);
    for (const section of report.sections) {
      if (section.id !== sectionId) continue;
      for (const line of section.lines) {
        if (!line.metric?.startsWith(metricPrefix)) continue;
        const points = series.get(line.label) ?? [];
        points.push({ x, y: typeof line.value === 'number' ? line.value : null });
        series.set(line.label, points);
      }
    }
  }
  return [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, points]) => ({ name, points }));
}
