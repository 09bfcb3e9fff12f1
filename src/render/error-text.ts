import { ConfigError } from '../config/config-error.js';
import { configErrorText } from '../config/config-error-text.js';
import { isCodedError } from '../i18n/coded-error.js';
import type { Locale } from '../i18n/define-messages.js';
import { explainError } from '../i18n/explain-error.js';
import { formatParam, translate } from '../i18n/translate.js';

/**
 * The one place an error becomes text a person reads (Slack, the console, the CLI): a CodedError
 * says its catalogued message in `locale`; any other error a catalogued sentence for its known
 * cause (timeout, refused, authentication, DNS, TLS, permission) with its secret-free raw reason.
 */
export function errorText(error: unknown, locale: Locale): string {
  return isCodedError(error)
    ? translate(locale, error.userMessage)
    : formatParam(explainError(error), locale);
}

/**
 * What a terminal prints for an error that stops `npm start` or `samaops`: every problem of an
 * invalid inventory with its line and hint, else one line. Without a locale (the inventory may be
 * what failed), a CodedError says its detail, written in the inventory's language when it had one.
 */
export function terminalErrorLines(error: unknown, locale?: Locale): string[] {
  if (error instanceof ConfigError) return configErrorText(error).split('\n');
  if (locale) return [`samaops: ${errorText(error, locale)}`];
  return [`samaops: ${error instanceof Error ? error.message : String(error)}`];
}
