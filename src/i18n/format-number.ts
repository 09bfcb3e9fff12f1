import type { Locale } from './define-messages.js';

/** BCP 47 tag per locale: French as written in France and Senegal, English with day-first dates. */
export const LANGUAGE_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const BYTE_UNITS: Record<Locale, readonly string[]> = {
  fr: ['o', 'Kio', 'Mio', 'Gio', 'Tio'],
  en: ['B', 'KiB', 'MiB', 'GiB', 'TiB'],
};

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}/${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // No grouping: pids, ports and years are numbers too, and "12 345" would misread as two values.
    format = new Intl.NumberFormat(LANGUAGE_TAG[locale], { maximumFractionDigits, useGrouping: false });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number as `locale` writes it: `83,9` in French, `83.9` in English. Integers are left as they
 * are; fractions keep at most `maximumFractionDigits` (default 2) digits. The one number formatter
 * of every message.
 */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return numberFormat(locale, maximumFractionDigits).format(value);
}

/** A byte count in binary units, one decimal: `2,2 Mio` in French, `2.2 MiB` in English. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = BYTE_UNITS[locale];
  let value = bytes;
  let index = 0;
  while (Math.abs(value) >= 1024 && index < units.length - 1) {
    value /= 1024;
    index += 1;
  }
  const number = index === 0 ? String(value) : formatNumber(Math.round(value * 10) / 10, locale, 1);
  return `${number} ${units[index]}`;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale` (`one`, `many`, `other` …). */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LANGUAGE_TAG[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}
