import type { CheckStatus } from '../../../src/checks/check.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { type MinuteSample, minuteOf } from '../../../src/core/slo/minute-series.js';

/** Synthetic watch series for the SLO tests: one sample per target and minute. */

/** The minute of an ISO instant. */
export const at = (iso: string): number => minuteOf(Date.parse(iso));

/** What a target reports in a minute: its status and value, or null for no watch run. */
export type Reading = { status: CheckStatus; value?: number | null } | null;

/** Samples of one check and its targets over [from, to), each minute as `reading` says. */
export function series(
  checkId: string,
  targets: readonly string[],
  from: number,
  to: number,
  reading: (minute: number, target: string) => Reading,
): MinuteSample[] {
  const samples: MinuteSample[] = [];
  for (let minute = from; minute < to; minute += 1)
    for (const target of targets) {
      const read = reading(minute, target);
      if (read) samples.push({ minute, checkId, target, status: read.status, value: read.value ?? null });
    }
  return samples;
}

/** Healthy, except inside [downFrom, downTo): failed, no value (the instance does not answer). */
export const outage =
  (downFrom: number, downTo: number, valueMs = 120): ((minute: number) => Reading) =>
  (minute) =>
    minute >= downFrom && minute < downTo
      ? { status: 'fail', value: null }
      : { status: 'ok', value: valueMs };

/** The inventory's default SLOs (the runbook's), or with `overrides` of the api service. */
export function objectives(overrides: Record<string, unknown> = {}) {
  const defaults = sloSchema.parse(undefined).services;
  const api = defaults.find((service) => service.name === 'api');
  return sloSchema.parse({ services: [{ ...api, ...overrides }] }).services;
}
