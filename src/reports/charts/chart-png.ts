import { existsSync } from 'node:fs';
import { CHART_FONT_FAMILY } from '../../render/chart/chart-svg.js';

/** Where Debian and Ubuntu (`fonts-dejavu-core`), then Fedora and Alpine, put DejaVu Sans. */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];

/** No font file to draw the chart's text with. */
export class ChartFontMissing extends Error {
  constructor(readonly tried: readonly string[]) {
    super(
      `no font for the charts: install fonts-dejavu-core or set SAMAOPS_CHART_FONT (tried ${tried.join(', ')})`,
    );
  }
}

/**
 * The font file the charts' text is drawn with: `SAMAOPS_CHART_FONT` when set, else DejaVu Sans
 * where the distribution puts it. No system font lookup: the result must not depend on what else
 * the host has installed.
 */
export function chartFontFile(env: NodeJS.ProcessEnv = process.env): string {
  const tried = env.SAMAOPS_CHART_FONT ? [env.SAMAOPS_CHART_FONT] : FONT_CANDIDATES;
  const found = tried.find((file) => existsSync(file));
  if (!found) throw new ChartFontMissing(tried);
  return found;
}

/**
 * Renders an SVG document to PNG bytes with resvg (a native module, prebuilt for the platform),
 * off the event loop (libuv's thread pool), with only `fontFile` loaded. The native module is
 * loaded with the first chart, not at start-up.
 */
export async function svgToPng(svg: string, fontFile: string = chartFontFile()): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  return image.asPng();
}
