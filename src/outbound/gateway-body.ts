import type { GatewayConfig } from '../config/notifications-schema.js';
import type { PhonePage } from './pagers.js';

const PLACEHOLDER = /\{(to|text|ackUrl)\}/g;

/** One string of the template with its placeholders replaced in one pass (a value is never read again). */
function fillText(template: string, page: PhonePage): string {
  return template.replace(PLACEHOLDER, (_match, name: keyof PhonePage) => page[name]);
}

type Template = GatewayConfig['body'][string];

/** The template with every string filled; keys, numbers and booleans stay as written. */
function fillNode(node: Template, page: PhonePage): Template {
  if (typeof node === 'string') return fillText(node, page);
  if (Array.isArray(node)) return node.map((item) => fillNode(item, page));
  if (node !== null && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fillNode(value, page)]));
  return node;
}

/**
 * The request body for one page and its Content-Type. Values are escaped by construction: the
 * filled structure is serialised by `JSON.stringify` (json) or `URLSearchParams` (form), so a
 * title with `"`, `&` or a newline stays one value.
 */
export function gatewayBody(
  gateway: Pick<GatewayConfig, 'format' | 'body'>,
  page: PhonePage,
): { contentType: string; body: string } {
  const filled = fillNode(gateway.body, page) as Record<string, Template>;
  if (gateway.format === 'form') {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(filled)) form.append(key, String(value));
    return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
  }
  return { contentType: 'application/json', body: JSON.stringify(filled) };
}
