import type { ErrorBudget, ServiceSloFigures, SloFigures } from '../core/slo/slo-figures.js';
import { msg } from '../i18n/message.js';
import type { ReportLine } from './report-model.js';

/** Two decimals, rounded down: a figure never shows more than was achieved (99.899 is not 99.90). */
export const floor2 = (value: number): number => Math.floor(value * 100) / 100;

/** Budget left, percent, rounded down to one decimal. */
const left = (budget: ErrorBudget) =>
  budget.leftPercent === null ? 0 : Math.floor(budget.leftPercent * 10) / 10;

/** Minutes, one decimal. */
const minutes = (value: number) => Math.round(value * 10) / 10;

function availabilityLine(figures: ServiceSloFigures, checks: readonly string[]): ReportLine {
  const { availability: a, service } = figures;
  if (a.up + a.down === 0)
    return {
      label: service,
      status: 'unknown',
      text: msg('slo.availability.none', { checks: checks.join(', ') }),
      metric: `slo.availability:${service}`,
      value: null,
      unit: '%',
    };
  return {
    label: service,
    status: a.status,
    text: msg('slo.availability', {
      percent: floor2(a.percent ?? 0),
      target: a.target,
      critical: a.critical,
      left: left(a.budget),
      spent: a.budget.spent,
      allowed: minutes(a.budget.allowed),
      down: a.down,
      unknown: a.unknown,
    }),
    metric: `slo.availability:${service}`,
    value: floor2(a.percent ?? 0),
    unit: '%',
  };
}

function latencyLine(figures: ServiceSloFigures): ReportLine[] {
  const { latency, service } = figures;
  if (!latency) return [];
  const common = { label: service, metric: `slo.p95:${service}`, unit: 'ms' as const };
  if (latency.p95Ms === null)
    return [
      { ...common, status: 'unknown', text: msg('slo.latency.none', { check: latency.check }), value: null },
    ];
  return [
    {
      ...common,
      status: latency.status,
      text: msg('slo.latency', {
        p95: latency.p95Ms,
        target: latency.targetMs,
        critical: latency.criticalMs,
        left: left(latency.budget),
        above: latency.aboveTarget,
        samples: latency.samples,
      }),
      value: latency.p95Ms,
    },
  ];
}

/**
 * The report lines of a period's SLO figures: per service its availability (with the minutes down
 * and unknown behind the budget) and its p95 latency. `checksOf` names a service's checks, for the
 * line that says no watch run measured them.
 */
export function sloFigureLines(
  figures: SloFigures,
  checksOf: (service: string) => readonly string[],
): ReportLine[] {
  return figures.services.flatMap((service) => [
    availabilityLine(service, checksOf(service.service)),
    ...latencyLine(service),
  ]);
}
