import { withoutUnsafeCharacters } from '../unsafe-characters.js';

/** Attribute values of one SVG element; undefined ones are left out. */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text as SVG content or attribute value: control characters (XML 1.0 refuses them, and an SVG
 * parser with them) removed, markup characters escaped. Labels come from servers and queues.
 */
export function escapeXml(text: string): string {
  return withoutUnsafeCharacters(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** A number as SVG writes it: at most two decimals, no exponent. */
export function svgNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** One SVG element, its attributes escaped; `children` are elements already built (or text, escaped). */
export function svgElement(
  name: string,
  attributes: SvgAttributes,
  children: readonly string[] | { text: string } = [],
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? svgNumber(value) : escapeXml(value)}"`)
    .join('');
  const content = 'text' in children ? escapeXml(children.text) : children.join('');
  return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** A text element at (x, y). */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { size?: number; anchor?: 'start' | 'middle' | 'end'; colour?: string; weight?: 'bold' } = {},
): string {
  return svgElement(
    'text',
    {
      x,
      y,
      'font-size': options.size ?? 12,
      'text-anchor': options.anchor,
      fill: options.colour ?? '#222222',
      'font-weight': options.weight,
    },
    { text },
  );
}
