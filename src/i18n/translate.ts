import { catalogue } from './catalogue/index.js';
import type { Locale } from './define-messages.js';
import type { Message } from './message.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Renders a message in `locale`; an unknown placeholder is left visible rather than dropped. */
export function translate(locale: Locale, message: Message): string {
  const template: string = catalogue[locale][message.key];
  const params = message.params ?? {};
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Binds a locale once, for renderers. */
export function translator(locale: Locale): (message: Message) => string {
  return (message) => translate(locale, message);
}
