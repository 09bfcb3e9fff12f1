import { type Axis, timeTicks, valueAxis } from './axis-ticks.js';
import { type Box, linearScale, plotBox } from './chart-layout.js';
import { type ChartPoint, type LinePanel, seriesColour } from './chart-model.js';
import { emptyPanel, legend, panelCard, targetLines, valueGrid } from './panel-frame.js';
import { svgElement, svgNumber, svgText } from './svg-element.js';

/** Where a line panel plots: its area, its value axis, and the pixel of a time and of a value. */
export interface LinePlot {
  plot: Box;
  axis: Axis;
  x: (ms: number) => number;
  y: (value: number) => number;
}

/** The measured values and targets of a panel: what its value axis must hold. */
function extent(panel: LinePanel): number[] {
  const values = panel.series.flatMap((series) =>
    series.points.flatMap((point) => (point.y === null ? [] : [point.y])),
  );
  return [...values, ...(panel.targets ?? []).map((target) => target.value)];
}

/** The geometry of a line panel drawn in `box` (also what tests use to find a series' pixels). */
export function linePlot(panel: LinePanel, box: Box): LinePlot {
  const plot = plotBox(box);
  const values = extent(panel);
  const low = panel.yMin ?? Math.min(...values);
  const high = Math.max(...values);
  // Headroom above the data (unless the panel fixes its top), for the labels of the targets.
  const axis = valueAxis(low, panel.yMax ?? high + (high - low) * 0.1);
  return {
    plot,
    axis,
    x: linearScale(panel.from, panel.to, plot.x, plot.x + plot.width),
    y: linearScale(axis.min, axis.max, plot.y + plot.height, plot.y),
  };
}

/** The runs of consecutive measured points: a gap (null) breaks the line. */
function segments(points: readonly ChartPoint[]): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [[]];
  for (const point of [...points].sort((a, b) => a.x - b.x)) {
    if (point.y === null) runs.push([]);
    else runs[runs.length - 1]?.push({ x: point.x, y: point.y });
  }
  return runs.filter((run) => run.length > 0);
}

/** One series: a polyline per run, a dot for a lone point. */
function seriesPath(points: readonly ChartPoint[], geometry: LinePlot, colour: string): string {
  return segments(points)
    .map((run) => {
      if (run.length === 1) {
        const [only] = run as [{ x: number; y: number }];
        return svgElement('circle', { cx: geometry.x(only.x), cy: geometry.y(only.y), r: 3.5, fill: colour });
      }
      const coordinates = run.map((p) => `${svgNumber(geometry.x(p.x))},${svgNumber(geometry.y(p.y))}`);
      return svgElement('polyline', {
        points: coordinates.join(' '),
        fill: 'none',
        stroke: colour,
        'stroke-width': 2.5,
        'stroke-linejoin': 'round',
      });
    })
    .join('');
}

/** The dates under a time axis, e.g. `12/10`. */
function timeLabels(panel: LinePanel, geometry: LinePlot, format: (ms: number) => string): string {
  const bottom = geometry.plot.y + geometry.plot.height + 16;
  return timeTicks(panel.from, panel.to)
    .map((at) =>
      svgText(geometry.x(at), bottom, format(at), { size: 11, anchor: 'middle', colour: '#555555' }),
    )
    .join('');
}

/** A line panel: card, value grid, targets, one line per series, dates, legend; or why it is empty. */
export function linePanelSvg(
  panel: LinePanel,
  box: Box,
  options: { locale: 'fr' | 'en'; formatDate: (ms: number) => string },
): string {
  if (extent(panel).length === 0 || panel.series.every((s) => s.points.every((p) => p.y === null)))
    return emptyPanel(box, panel.title, panel.empty);
  const geometry = linePlot(panel, box);
  return [
    panelCard(box, panel.title),
    valueGrid(geometry.plot, geometry.axis, panel.unit, options.locale),
    targetLines(geometry.plot, geometry.axis, panel.targets ?? []),
    ...panel.series.map((series, index) => seriesPath(series.points, geometry, seriesColour(index))),
    timeLabels(panel, geometry, options.formatDate),
    legend(
      box,
      panel.series.map((series) => series.name),
    ),
  ].join('');
}
