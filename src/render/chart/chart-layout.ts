/**
 * The geometry of a chart sheet, in pixels: where each panel and its plot area stand, and how a
 * value maps to a pixel. Exported so that tests can find a series in the rendered image.
 */

/** A rectangle. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width of every sheet. */
export const SHEET_WIDTH = 1200;
/** Height of one panel. */
export const PANEL_HEIGHT = 300;
/** Height of the sheet's title and subtitle band. */
const HEADER = 64;
const PAD = 16;
const GAP = 16;
/** Inside a panel: title above, value labels left, time labels and legend below. */
const PLOT_MARGIN = { top: 34, right: 20, bottom: 52, left: 64 } as const;

/** The sheet's height for `panels` panels in `columns`. */
export function sheetHeight(panels: number, columns: number): number {
  const rows = Math.max(1, Math.ceil(panels / columns));
  return HEADER + rows * PANEL_HEIGHT + (rows - 1) * GAP + PAD;
}

/** The box of panel `index` (row by row, `columns` per row). */
export function panelBox(index: number, columns: number): Box {
  const width = (SHEET_WIDTH - 2 * PAD - (columns - 1) * GAP) / columns;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: PAD + column * (width + GAP),
    y: HEADER + row * (PANEL_HEIGHT + GAP),
    width,
    height: PANEL_HEIGHT,
  };
}

/** The plot area of a panel: inside its margins. */
export function plotBox(panel: Box): Box {
  return {
    x: panel.x + PLOT_MARGIN.left,
    y: panel.y + PLOT_MARGIN.top,
    width: panel.width - PLOT_MARGIN.left - PLOT_MARGIN.right,
    height: panel.height - PLOT_MARGIN.top - PLOT_MARGIN.bottom,
  };
}

/** Maps [domainMin, domainMax] onto [rangeStart, rangeEnd] (a flat domain maps to the middle). */
export function linearScale(
  domainMin: number,
  domainMax: number,
  rangeStart: number,
  rangeEnd: number,
): (value: number) => number {
  const span = domainMax - domainMin;
  if (span === 0) return () => (rangeStart + rangeEnd) / 2;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}
