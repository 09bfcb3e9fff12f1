import { describe, expect, it } from 'vitest';
import { timeTicks, valueAxis } from '../../../src/render/chart/axis-ticks.js';
import { panelBox } from '../../../src/render/chart/chart-layout.js';
import type { ChartSheet, LinePanel } from '../../../src/render/chart/chart-model.js';
import { chartSvg } from '../../../src/render/chart/chart-svg.js';
import { linePlot } from '../../../src/render/chart/line-panel.js';

const DAY = 86_400_000;
const from = Date.UTC(2026, 9, 1);
const to = from + 7 * DAY;

const line = (overrides: Partial<LinePanel> = {}): LinePanel => ({
  kind: 'line',
  title: 'Disque',
  unit: '%',
  from,
  to,
  series: [{ name: 'db /data', points: [0, 1, 2, 3].map((day) => ({ x: from + day * DAY, y: 40 + day })) }],
  yMin: 0,
  yMax: 100,
  empty: 'non disponible',
  ...overrides,
});

const sheet = (panels: ChartSheet['panels']): ChartSheet => ({
  title: 'SamaConso — Graphiques',
  subtitle: 'Du 01/10 au 08/10',
  panels,
  locale: 'fr',
  timezone: 'Africa/Dakar',
});

describe('valueAxis and timeTicks', () => {
  it('rounds the value axis to 1, 2 or 5 times a power of ten, around the data', () => {
    expect(valueAxis(0, 100)).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis(99.5, 100)).toEqual({ min: 99.5, max: 100, ticks: [99.5, 99.6, 99.7, 99.8, 99.9, 100] });
    expect(valueAxis(99.4, 100).ticks).toEqual([99.4, 99.6, 99.8, 100]);
    expect(valueAxis(3, 1646).max).toBe(2000);
    expect(valueAxis(5, 5)).toMatchObject({ min: 4, max: 6 });
  });

  it('labels at most about seven whole days on a time axis', () => {
    expect(timeTicks(from, to)).toHaveLength(8);
    expect(timeTicks(from, from + 31 * DAY).length).toBeLessThanOrEqual(8);
    expect(timeTicks(from, from)).toEqual([from]);
  });
});

describe('chartSvg', () => {
  it('is pure: the same sheet gives the same document', () => {
    expect(chartSvg(sheet([line()]))).toBe(chartSvg(sheet([line()])));
  });

  it('draws a series as one polyline through its points, in the plot', () => {
    const svg = chartSvg(sheet([line()]));
    const geometry = linePlot(line(), panelBox(0, 2));
    const polyline = /<polyline points="([^"]+)"/.exec(svg)?.[1] ?? '';
    const first = polyline.split(' ')[0]?.split(',').map(Number);
    expect(first?.[0]).toBeCloseTo(geometry.x(from), 1);
    expect(first?.[1]).toBeCloseTo(geometry.y(40), 1);
    expect(polyline.split(' ')).toHaveLength(4);
  });

  it('breaks the line at a gap and draws a lone point as a dot', () => {
    const gappy = line({
      series: [
        {
          name: 'api /',
          points: [
            { x: from, y: 10 },
            { x: from + DAY, y: 11 },
            { x: from + 2 * DAY, y: null },
            { x: from + 3 * DAY, y: 12 },
          ],
        },
      ],
    });
    const svg = chartSvg(sheet([gappy]));
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('says why a panel is empty instead of drawing axes', () => {
    const svg = chartSvg(sheet([line({ series: [], targets: [] })]));
    expect(svg).toContain('>non disponible</text>');
    expect(svg).not.toContain('<polyline');
  });

  it('escapes labels from servers and queues, and drops control characters', () => {
    const svg = chartSvg(
      sheet([line({ series: [{ name: '<script>&"\u0000x', points: [{ x: from, y: 1 }] }] })]),
    );
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0000');
  });

  it('writes dates and numbers in the reader’s language', () => {
    const svg = chartSvg(sheet([line({ yMin: 99.5, yMax: 100 })]));
    expect(svg).toContain('>01/10</text>');
    expect(svg).toContain('>99,6 %</text>');
    const english = chartSvg({ ...sheet([line({ yMin: 99.5, yMax: 100 })]), locale: 'en' });
    expect(english).toContain('>99.6 %</text>');
  });
});
