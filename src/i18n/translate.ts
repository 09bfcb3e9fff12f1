import { catalogue, type MessageKey } from './catalogue/index.js';
import type { Locale } from './define-messages.js';
import { formatBytes, formatNumber, pluralCategory } from './format-number.js';
import type { Message, MessageParams, ParamValue } from './message.js';

const SIMPLE = /^\s*(\w+)\s*$/;
const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;
const OPTION_SELECTOR = /^\s*(=\d+|\w+)\s*\{/;

/**
 * Renders a message in `locale`. Placeholders: `{name}`, and
 * `{count, plural, one {# fichier} other {# fichiers}}` chosen by `Intl.PluralRules` (`#` is the
 * count, `=0 {…}` an exact match). Numbers and byte counts are formatted here, for every message.
 * An unknown placeholder is left visible rather than dropped.
 */
export function translate(locale: Locale, message: Message): string {
  const template: string = catalogue[locale][message.key];
  return render(template, message.params ?? {}, locale);
}

/** True when `text` is a catalogue key (the inventory schema writes its messages as keys). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(catalogue.fr, text);
}

/**
 * A validation message as text: the inventory schema writes catalogue keys (rendered here, in
 * `locale`), other validators plain text (returned as is).
 */
export function validationText(text: string, locale: Locale = 'en'): string {
  return isMessageKey(text) ? translate(locale, { key: text }) : text;
}

/** Binds a locale once, for renderers. */
export function translator(locale: Locale): (message: Message) => string {
  return (message) => translate(locale, message);
}

/** One parameter value as `locale` writes it. */
export function formatParam(value: ParamValue, locale: Locale): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string') return value;
  if ('key' in value) return translate(locale, value);
  return formatBytes(value.bytes, locale);
}

function render(template: string, params: MessageParams, locale: Locale): string {
  let out = '';
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{', index);
    const close = open < 0 ? -1 : matchingBrace(template, open);
    if (close < 0) return out + template.slice(index);
    out += template.slice(index, open) + expand(template.slice(open + 1, close), params, locale);
    index = close + 1;
  }
  return out;
}

function expand(body: string, params: MessageParams, locale: Locale): string {
  const simple = SIMPLE.exec(body);
  if (simple?.[1] !== undefined) {
    const value = params[simple[1]];
    return value === undefined ? `{${body}}` : formatParam(value, locale);
  }
  const plural = PLURAL.exec(body);
  const raw = plural?.[1] === undefined ? undefined : params[plural[1]];
  // PostgreSQL hands counts back as strings; a numeric string counts as its number.
  const count = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (!plural || typeof count !== 'number' || Number.isNaN(count)) return `{${body}}`;
  const options = pluralOptions(plural[2] ?? '');
  const chosen =
    options.get(`=${count}`) ?? options.get(pluralCategory(count, locale)) ?? options.get('other');
  if (chosen === undefined) return `{${body}}`;
  return render(chosen.replaceAll('#', formatNumber(count, locale)), params, locale);
}

/** `one {…} other {…}` as a map from selector to its text. */
export function pluralOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let rest = text;
  for (let match = OPTION_SELECTOR.exec(rest); match; match = OPTION_SELECTOR.exec(rest)) {
    const open = match[0].length - 1;
    const close = matchingBrace(rest, open);
    if (close < 0) break;
    options.set(match[1] ?? '', rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  return options;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
