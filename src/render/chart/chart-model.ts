import type { Locale } from '../../i18n/define-messages.js';

/**
 * What a chart shows, as plain data: every label is already in the reader's language (the
 * callers translate through the catalogue); the renderer only draws (chart-svg.ts).
 */

/** One measured point: `x` an epoch time in ms, `y` null where nothing was measured (a gap). */
export interface ChartPoint {
  x: number;
  y: number | null;
}

/** A named series of points, drawn as one line (broken at gaps). */
export interface LineSeries {
  name: string;
  points: readonly ChartPoint[];
}

/** A horizontal reference line: a threshold or a target, drawn dashed with its label. */
export interface TargetLine {
  label: string;
  value: number;
  /** Index in the palette of the series it belongs to; absent: the target colour (red). */
  seriesIndex?: number;
}

/** A line chart over a time range. */
export interface LinePanel {
  kind: 'line';
  title: string;
  /** Unit shown after the axis values, e.g. `%`, `ms`. */
  unit: string;
  from: number;
  to: number;
  series: readonly LineSeries[];
  targets?: readonly TargetLine[];
  /** Fixed bounds of the value axis (e.g. 0–100 for a percentage); absent: from the data. */
  yMin?: number;
  yMax?: number;
  /** Shown instead of the plot when no series has a point (e.g. "not available"). */
  empty: string;
}

/** One series of a bar chart: a value per category, null where there is none. */
export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
}

/** Grouped bars: one group per category (a month), one bar per series (a level) in each. */
export interface BarPanel {
  kind: 'bars';
  title: string;
  unit: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  targets?: readonly TargetLine[];
  empty: string;
}

/** A panel of a chart sheet. */
export type ChartPanel = LinePanel | BarPanel;

/** One image: a title, a subtitle, and panels laid out in `columns`. */
export interface ChartSheet {
  title: string;
  subtitle: string;
  panels: readonly ChartPanel[];
  /** Panels per row. Default 2. */
  columns?: number;
  /** Dates on time axes are written in this language and timezone. */
  locale: Locale;
  timezone: string;
}

/** Series colours, in order: distinguishable on white and by most colour-blind readers. */
export const SERIES_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
] as const;

/** A series' colour by its index (the palette repeats past eight). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
}

/** Targets without a series: red, so that a threshold reads as one. */
export const TARGET_COLOUR = '#d62728';
