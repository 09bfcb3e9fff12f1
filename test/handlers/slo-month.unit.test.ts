import { describe, expect, it } from 'vitest';
import { checkIds } from '../../src/checks/check.js';
import { sloSchema } from '../../src/config/slo-schema.js';
import { sloMonthAsked } from '../../src/handlers/sub-commands/slo-command.js';

describe('/sama slo [YYYY-MM]: the month asked', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const cases: Array<[string | undefined, ReturnType<typeof sloMonthAsked>]> = [
    [undefined, { year: 2026, month: 11, whole: false, day: 20 }],
    ['2026-11', { year: 2026, month: 11, whole: false, day: 20 }],
    ['2026-10', { year: 2026, month: 10, whole: true, day: 20 }],
    ['2025-12', { year: 2025, month: 12, whole: true, day: 20 }],
    ['2026-12', null],
    ['2026-13', null],
    ['2026-1', null],
    ['novembre', null],
    ['2026-11; rm -rf /', null],
  ];
  it.each(cases)('%s', (word, expected) => {
    expect(sloMonthAsked(word, now, 'Africa/Dakar')).toEqual(expected);
  });

  it('reads the month in the inventory’s timezone: 23:30 UTC on 31 October is November in Paris', () => {
    const late = new Date('2026-10-31T23:30:00Z');
    expect(sloMonthAsked(undefined, late, 'Europe/Paris')).toMatchObject({ year: 2026, month: 11, day: 1 });
    expect(sloMonthAsked(undefined, late, 'Africa/Dakar')).toMatchObject({ year: 2026, month: 10, day: 31 });
  });
});

describe('the slo section’s check ids', () => {
  it('are the checks’ own ids: each is accepted, another is refused', () => {
    const objective = (check: string) => ({ services: [{ name: 'api', checks: [check] }] });
    for (const id of checkIds) expect(sloSchema.safeParse(objective(id)).success).toBe(true);
    expect(sloSchema.safeParse(objective('api.healthz')).success).toBe(false);
  });
});
