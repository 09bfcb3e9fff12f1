import { LANGUAGE_TAG } from '../../i18n/format-number.js';
import { barPanelSvg } from './bar-panel.js';
import { panelBox, SHEET_WIDTH, sheetHeight } from './chart-layout.js';
import type { ChartSheet } from './chart-model.js';
import { linePanelSvg } from './line-panel.js';
import { svgElement, svgText } from './svg-element.js';

/** The font the PNG renderer loads (src/reports/charts/chart-png.ts): DejaVu Sans, Debian's default. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** Panels per row unless the sheet says otherwise. */
const DEFAULT_COLUMNS = 2;

/**
 * A chart sheet as one SVG document: white background, title and subtitle, the panels row by
 * row. Pure: the same sheet gives the same bytes.
 */
export function chartSvg(sheet: ChartSheet): string {
  const columns = sheet.columns ?? DEFAULT_COLUMNS;
  const height = sheetHeight(sheet.panels.length, columns);
  const dates = new Intl.DateTimeFormat(LANGUAGE_TAG[sheet.locale], {
    day: '2-digit',
    month: '2-digit',
    timeZone: sheet.timezone,
  });
  const formatDate = (ms: number) => dates.format(new Date(ms));
  const panels = sheet.panels.map((panel, index) => {
    const box = panelBox(index, columns);
    return panel.kind === 'line'
      ? linePanelSvg(panel, box, { locale: sheet.locale, formatDate })
      : barPanelSvg(panel, box, { locale: sheet.locale });
  });
  return svgElement(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: SHEET_WIDTH,
      height,
      viewBox: `0 0 ${SHEET_WIDTH} ${height}`,
      'font-family': CHART_FONT_FAMILY,
    },
    [
      svgElement('rect', { x: 0, y: 0, width: SHEET_WIDTH, height, fill: '#f7f7f7' }),
      svgText(16, 30, sheet.title, { size: 20, weight: 'bold' }),
      svgText(16, 52, sheet.subtitle, { size: 13, colour: '#555555' }),
      ...panels,
    ],
  );
}
