// A services test, not a unit one: it needs DejaVu Sans, which test/global-setup.ts installs (fonts-dejavu-core).
import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { barPlot } from '../../../src/render/chart/bar-panel.js';
import { panelBox, SHEET_WIDTH, sheetHeight } from '../../../src/render/chart/chart-layout.js';
import {
  type BarPanel,
  type ChartSheet,
  type LinePanel,
  SERIES_COLOURS,
} from '../../../src/render/chart/chart-model.js';
import { CHART_FONT_FAMILY, chartSvg } from '../../../src/render/chart/chart-svg.js';
import { linePlot } from '../../../src/render/chart/line-panel.js';
import { ChartFontMissing, chartFontFile, svgToPng } from '../../../src/reports/charts/chart-png.js';
import { decodePng, PNG_SIGNATURE, pngSize } from '../../support/png-decode.js';

const DAY = 86_400_000;
const from = Date.UTC(2026, 9, 1);
const to = from + 30 * DAY;

/** A flat series at 50 % over the whole period: its line is a known row of pixels. */
const disk: LinePanel = {
  kind: 'line',
  title: 'Espace disque utilisé par serveur',
  unit: '%',
  from,
  to,
  series: [
    { name: 'db /data', points: Array.from({ length: 31 }, (_, day) => ({ x: from + day * DAY, y: 50 })) },
  ],
  targets: [{ label: 'alerte 85 %', value: 85 }],
  yMin: 0,
  yMax: 100,
  empty: 'aucune mesure',
};

/** N2's MTTA of 12 minutes in the second month: one known bar. */
const mtta: BarPanel = {
  kind: 'bars',
  title: 'MTTA',
  unit: 'min',
  categories: ['sept. 26', 'oct. 26'],
  series: [
    { name: 'N1', values: [null, null] },
    { name: 'N2', values: [null, 12] },
    { name: 'N3', values: [null, null] },
  ],
  empty: 'aucune mesure',
};

const sheet: ChartSheet = {
  title: 'SamaConso — Graphiques du mois',
  subtitle: 'Du 01/10/2026 au 30/10/2026 (Africa/Dakar)',
  panels: [disk, mtta],
  locale: 'fr',
  timezone: 'Africa/Dakar',
};

/** Colour distance (sum of channel differences): antialiasing blends a stroke's edges. */
function distance(a: string, b: string): number {
  const channels = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return x.reduce((sum, value, index) => sum + Math.abs(value - (y[index] ?? 0)), 0);
}

describe('a chart rendered to PNG', async () => {
  const png = await svgToPng(chartSvg(sheet));
  const image = decodePng(png);

  it('is a PNG of the sheet’s size', () => {
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: SHEET_WIDTH, height: sheetHeight(2, 2) });
    // Compressed, and far from a blank image's few hundred bytes.
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(500_000);
  });

  it('decodes to the pixels resvg drew (the test decoder is right)', async () => {
    const reference = (
      await renderAsync(chartSvg(sheet), {
        font: { loadSystemFonts: false, fontFiles: [chartFontFile()], defaultFontFamily: CHART_FONT_FAMILY },
        background: '#ffffff',
      })
    ).pixels;
    for (const [x, y] of [
      [0, 0],
      [300, 200],
      [700, 150],
      [1199, sheetHeight(2, 2) - 1],
    ] as const) {
      const at = (y * SHEET_WIDTH + x) * 4;
      const hex = `#${[0, 1, 2].map((i) => (reference[at + i] ?? 0).toString(16).padStart(2, '0')).join('')}`;
      expect(image.pixel(x, y)).toBe(hex);
    }
  });

  it('has the series’ line where its values are, and nothing of its colour elsewhere', () => {
    const geometry = linePlot(disk, panelBox(0, 2));
    const colour = SERIES_COLOURS[0];
    for (let day = 2; day <= 28; day += 2) {
      const x = geometry.x(from + day * DAY);
      expect(distance(image.pixel(x, geometry.y(50)), colour), `day ${day} at 50 %`).toBeLessThan(60);
      expect(distance(image.pixel(x, geometry.y(20)), colour), `day ${day} at 20 %`).toBeGreaterThan(200);
      expect(distance(image.pixel(x, geometry.y(80)), colour), `day ${day} at 80 %`).toBeGreaterThan(200);
    }
  });

  it('draws the threshold dashed in red at its value', () => {
    const geometry = linePlot(disk, panelBox(0, 2));
    // A 1.5 px stroke between two pixel rows: the reddest of the rows around it, per column.
    const reddest = (x: number) =>
      Math.min(...[-1, 0, 1].map((dy) => distance(image.pixel(x, geometry.y(85) + dy), '#d62728')));
    const red = Array.from({ length: 200 }, (_, i) => reddest(geometry.plot.x + 100 + i)).filter(
      (gap) => gap < 120,
    ).length;
    // Dashes of 6 px every 10 px: about 60 % of the row.
    expect(red).toBeGreaterThan(80);
    expect(red).toBeLessThan(160);
  });

  it('has the bar of N2 in the second month, of its height, and no bar in the first', () => {
    const geometry = barPlot(mtta, panelBox(1, 2));
    const bar = geometry.bar(1, 1, 12);
    const centre = { x: bar.x + bar.width / 2, y: bar.y + bar.height / 2 };
    expect(distance(image.pixel(centre.x, centre.y), SERIES_COLOURS[1])).toBeLessThan(10);
    expect(distance(image.pixel(centre.x, bar.y - 3), SERIES_COLOURS[1])).toBeGreaterThan(200);
    const empty = geometry.bar(0, 1, 12);
    expect(
      distance(image.pixel(empty.x + empty.width / 2, empty.y + empty.height / 2), SERIES_COLOURS[1]),
    ).toBeGreaterThan(200);
  });

  it('draws its text with the loaded font (the title is ink, not blank)', () => {
    let ink = 0;
    for (let x = 16; x < 400; x += 1)
      for (let y = 12; y < 34; y += 1) if (distance(image.pixel(x, y), '#222222') < 120) ink += 1;
    expect(ink).toBeGreaterThan(300);
  });
});

describe('chartFontFile', () => {
  it('takes SAMAOPS_CHART_FONT, and names the package to install when there is no font', () => {
    expect(chartFontFile({ SAMAOPS_CHART_FONT: chartFontFile({}) })).toBe(chartFontFile({}));
    expect(() => chartFontFile({ SAMAOPS_CHART_FONT: '/nonexistent/font.ttf' })).toThrow(ChartFontMissing);
    expect(() => chartFontFile({ SAMAOPS_CHART_FONT: '/nonexistent/font.ttf' })).toThrow(/fonts-dejavu-core/);
  });
});
