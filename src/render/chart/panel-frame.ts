import type { Locale } from '../../i18n/define-messages.js';
import { formatNumber } from '../../i18n/format-number.js';
import type { Axis } from './axis-ticks.js';
import { type Box, linearScale } from './chart-layout.js';
import { seriesColour, TARGET_COLOUR, type TargetLine } from './chart-model.js';
import { svgElement, svgText } from './svg-element.js';

const GRID = '#e6e6e6';
const AXIS = '#888888';

/** The panel's card and its title. */
export function panelCard(box: Box, title: string): string {
  return [
    svgElement('rect', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      fill: '#ffffff',
      stroke: '#d0d0d0',
      rx: 6,
    }),
    svgText(box.x + 12, box.y + 22, title, { size: 15, weight: 'bold' }),
  ].join('');
}

/** A panel with nothing to plot: its card, its title, and why (e.g. "not available"). */
export function emptyPanel(box: Box, title: string, reason: string): string {
  return (
    panelCard(box, title) +
    svgText(box.x + box.width / 2, box.y + box.height / 2, reason, {
      size: 14,
      anchor: 'middle',
      colour: '#777777',
    })
  );
}

/** The value axis: a grid line and a label per tick, the unit after each value. */
export function valueGrid(plot: Box, axis: Axis, unit: string, locale: Locale): string {
  const y = linearScale(axis.min, axis.max, plot.y + plot.height, plot.y);
  const lines = axis.ticks.map(
    (tick) =>
      svgElement('line', { x1: plot.x, x2: plot.x + plot.width, y1: y(tick), y2: y(tick), stroke: GRID }) +
      svgText(plot.x - 6, y(tick) + 4, `${formatNumber(tick, locale)}${unit ? ` ${unit}` : ''}`, {
        size: 11,
        anchor: 'end',
        colour: '#555555',
      }),
  );
  const frame = svgElement('path', {
    d: `M${plot.x},${plot.y}V${plot.y + plot.height}H${plot.x + plot.width}`,
    fill: 'none',
    stroke: AXIS,
  });
  return lines.join('') + frame;
}

/** Dashed reference lines with their labels at the right end, above the line. */
export function targetLines(plot: Box, axis: Axis, targets: readonly TargetLine[]): string {
  const y = linearScale(axis.min, axis.max, plot.y + plot.height, plot.y);
  return targets
    .filter((target) => target.value >= axis.min && target.value <= axis.max)
    .map((target) => {
      const colour = target.seriesIndex === undefined ? TARGET_COLOUR : seriesColour(target.seriesIndex);
      const at = y(target.value);
      return (
        svgElement('line', {
          x1: plot.x,
          x2: plot.x + plot.width,
          y1: at,
          y2: at,
          stroke: colour,
          'stroke-width': 1.5,
          'stroke-dasharray': '6 4',
        }) + svgText(plot.x + plot.width - 4, at - 4, target.label, { size: 11, anchor: 'end', colour })
      );
    })
    .join('');
}

/** The series' names under the plot, each after a swatch of its colour. */
export function legend(box: Box, names: readonly string[]): string {
  let x = box.x + 12;
  const y = box.y + box.height - 12;
  return names
    .map((name, index) => {
      const swatch = svgElement('rect', { x, y: y - 9, width: 12, height: 10, fill: seriesColour(index) });
      const label = svgText(x + 16, y, name, { size: 11 });
      // DejaVu Sans at 11 px: about 6.5 px a character; the legend wraps nothing, it is short.
      x += 28 + name.length * 6.5;
      return swatch + label;
    })
    .join('');
}
