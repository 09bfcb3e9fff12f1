import { type Axis, valueAxis } from './axis-ticks.js';
import { type Box, linearScale, plotBox } from './chart-layout.js';
import { type BarPanel, seriesColour } from './chart-model.js';
import { emptyPanel, legend, panelCard, targetLines, valueGrid } from './panel-frame.js';
import { svgElement, svgText } from './svg-element.js';

/** Where a bar panel plots, and the rectangle of one bar (tests find its pixels with it). */
export interface BarPlot {
  plot: Box;
  axis: Axis;
  bar(category: number, series: number, value: number): Box;
}

/** The geometry of a bar panel drawn in `box`: a band per category, a bar per series in it. */
export function barPlot(panel: BarPanel, box: Box): BarPlot {
  const plot = plotBox(box);
  const values = panel.series.flatMap((series) =>
    series.values.flatMap((value) => (value === null ? [] : [value])),
  );
  const top = Math.max(0, ...values, ...(panel.targets ?? []).map((target) => target.value));
  // Headroom above the highest bar or target, so that a label above it stays inside the plot.
  const axis = valueAxis(0, top > 0 ? top * 1.1 : 1);
  const y = linearScale(axis.min, axis.max, plot.y + plot.height, plot.y);
  const band = plot.width / Math.max(1, panel.categories.length);
  const inner = band * 0.8;
  const width = inner / Math.max(1, panel.series.length);
  return {
    plot,
    axis,
    bar(category, series, value) {
      const x = plot.x + category * band + (band - inner) / 2 + series * width;
      return { x: x + 1, y: y(value), width: Math.max(1, width - 2), height: y(0) - y(value) };
    },
  };
}

/** A bar panel: card, value grid, targets, bars, category names, legend; or why it is empty. */
export function barPanelSvg(panel: BarPanel, box: Box, options: { locale: 'fr' | 'en' }): string {
  const measured = panel.series.some((series) => series.values.some((value) => value !== null));
  if (!measured || panel.categories.length === 0) return emptyPanel(box, panel.title, panel.empty);
  const geometry = barPlot(panel, box);
  const bars = panel.series.flatMap((series, seriesIndex) =>
    series.values.flatMap((value, category) => {
      if (value === null) return [];
      const rect = geometry.bar(category, seriesIndex, value);
      return [svgElement('rect', { ...rect, fill: seriesColour(seriesIndex) })];
    }),
  );
  const band = geometry.plot.width / panel.categories.length;
  const bottom = geometry.plot.y + geometry.plot.height + 16;
  const names = panel.categories.map((name, index) =>
    svgText(geometry.plot.x + band * (index + 0.5), bottom, name, {
      size: 11,
      anchor: 'middle',
      colour: '#555555',
    }),
  );
  return [
    panelCard(box, panel.title),
    valueGrid(geometry.plot, geometry.axis, panel.unit, options.locale),
    ...bars,
    targetLines(geometry.plot, geometry.axis, panel.targets ?? []),
    ...names,
    legend(
      box,
      panel.series.map((series) => series.name),
    ),
  ].join('');
}
