import { describe, expect, it } from 'vitest';
import { readDurationMs } from '../../src/config/duration.js';
import { durationSchema } from '../../src/config/escalation-policy-schema.js';
import { parseDuration } from '../../src/escalation/parse-duration.js';
import { parseDurationSeconds } from '../../src/playbooks/remediations/parse-duration.js';

describe('the one duration grammar', () => {
  it('reads every unit, j for jours among them', () => {
    expect(
      ['500ms', '30s', '15m', '15min', '4h', '2d', '2j', ' 2J '].map((text) => readDurationMs(text)),
    ).toEqual([500, 30_000, 900_000, 900_000, 14_400_000, 172_800_000, 172_800_000, 172_800_000]);
    expect(readDurationMs('90')).toBeNull();
    expect(readDurationMs('90', 's')).toBe(90_000);
    for (const bad of ['', 'h', '1.5h', '-1h', '1w', '1 h', '1hh']) expect(readDurationMs(bad)).toBeNull();
  });

  it('serves the inventory, the commands and kill-queries, each with its bounds', () => {
    expect(durationSchema.parse('2j')).toBe(172_800_000);
    expect(durationSchema.safeParse('50ms').success).toBe(false);
    expect(parseDuration('1j')).toBe(86_400_000);
    expect(parseDuration('8d')).toBeNull();
    expect(parseDurationSeconds('1j')).toBe(86_400);
    expect(parseDurationSeconds('90')).toBe(90);
    expect(parseDurationSeconds('8j')).toBeUndefined();
  });
});
