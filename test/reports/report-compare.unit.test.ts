import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/message.js';
import { deltaText } from '../../src/reports/report-message.js';
import type { Report } from '../../src/reports/report-model.js';
import { compareReports } from '../../src/reports/report-trend.js';

const report = (lines: { metric: string; value: number | null }[], trackNew = false): Report => ({
  kind: 'weekly',
  createdAt: '2026-11-01T03:00:00.000Z',
  durationMs: 1,
  status: 'ok',
  sections: [
    {
      id: 's',
      title: msg('report.section.disk'),
      status: 'ok',
      trackNew,
      lines: lines.map((line) => ({
        label: line.metric,
        status: 'ok',
        text: msg('report.unreachable', { reason: '' }),
        ...line,
        unit: 'bytes',
      })),
    },
  ],
});

describe('compareReports', () => {
  it('reports changed values, skips unmeasured sides, and new lines only where tracked', () => {
    const previous = report([
      { metric: 'a', value: 1024 },
      { metric: 'b', value: 5 },
      { metric: 'c', value: null },
    ]);
    const current = report([
      { metric: 'a', value: 3072 },
      { metric: 'b', value: 5 },
      { metric: 'c', value: 9 },
      { metric: 'd', value: 1 },
    ]);
    expect(compareReports(previous, current)).toEqual([
      {
        sectionId: 's',
        label: 'a',
        metric: 'a',
        change: 'changed',
        previous: 1024,
        current: 3072,
        unit: 'bytes',
      },
    ]);
    const tracked = compareReports(previous, {
      ...current,
      sections: current.sections.map((s) => ({ ...s, trackNew: true })),
    });
    expect(tracked.map((delta) => [delta.metric, delta.change])).toEqual([
      ['a', 'changed'],
      ['d', 'new'],
    ]);
    const [changed, added] = tracked;
    if (!changed || !added) throw new Error('two deltas expected');
    expect(deltaText(changed, 'en')).toBe('a: 1 KiB → 3 KiB (+2 KiB)');
    expect(deltaText(added, 'fr')).toBe('nouveau : d (1 o)');
  });
});
