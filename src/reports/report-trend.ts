import type { Report, ReportDelta } from './report-model.js';

/**
 * What changed since `previous` (same kind): each metric measured in both with a different value,
 * and, in sections that track them, lines that are new. Pure; the store supplies `previous`.
 */
export function compareReports(previous: Report, current: Report): ReportDelta[] {
  const before = new Map<string, number | null>();
  for (const section of previous.sections)
    for (const line of section.lines)
      if (line.metric) before.set(`${section.id}\u0000${line.metric}`, line.value ?? null);
  const deltas: ReportDelta[] = [];
  for (const section of current.sections) {
    for (const line of section.lines) {
      if (!line.metric) continue;
      const key = `${section.id}\u0000${line.metric}`;
      const current = line.value ?? null;
      const base = { sectionId: section.id, label: line.label, metric: line.metric, current };
      const unit = line.unit ? { unit: line.unit } : {};
      if (!before.has(key)) {
        if (section.trackNew) deltas.push({ ...base, change: 'new', previous: null, ...unit });
        continue;
      }
      const previousValue = before.get(key) ?? null;
      // An unmeasured side (host unreachable in one run) is no trend: it would read as a jump.
      if (previousValue === null || current === null || previousValue === current) continue;
      deltas.push({ ...base, change: 'changed', previous: previousValue, ...unit });
    }
  }
  return deltas;
}

/** The report with its trend against `previous`, or unchanged when there is no previous report. */
export function withTrend(current: Report, previous: Report | undefined): Report {
  if (!previous) return current;
  return { ...current, trend: { previousAt: previous.createdAt, deltas: compareReports(previous, current) } };
}
