import type { Locale } from '../i18n/define-messages.js';

const LOCALES: readonly Locale[] = ['fr', 'en'];

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * `SAMAOPS_LOCALE` (fr or en), which overrides the inventory's `locale`; undefined when unset.
 * `invalid` carries a value that is neither, so that the loader can refuse it.
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): { locale?: Locale; invalid?: string } {
  const value = env.SAMAOPS_LOCALE?.trim();
  if (value === undefined || value === '') return {};
  return isLocale(value) ? { locale: value } : { invalid: value.slice(0, 40) };
}

/** The language inventory problems are told in: SAMAOPS_LOCALE, else the file's own `locale`, else fr. */
export function problemLocale(env: NodeJS.ProcessEnv, document: unknown): Locale {
  const fromEnv = localeFromEnv(env).locale;
  if (fromEnv) return fromEnv;
  const fromFile = (document as { locale?: unknown } | null)?.locale;
  return isLocale(fromFile) ? fromFile : 'fr';
}
