import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { pluralOptions } from '../../src/i18n/translate.js';

const PLACEHOLDER = /\{\s*(\w+)\s*(?:\}|,\s*plural\s*,)/g;

/** Every placeholder name a template uses, plural selectors included. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))].sort();
}

describe('the message catalogue', () => {
  const fr: Record<string, string> = catalogue.fr;
  const en: Record<string, string> = catalogue.en;

  it('has every key in both languages', () => {
    expect(Object.keys(fr).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in fr))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(fr)
      .filter((key) => key in en)
      .filter((key) => placeholders(fr[key] ?? '').join() !== placeholders(en[key] ?? '').join())
      .map((key) => `${key}: fr {${placeholders(fr[key] ?? '')}} en {${placeholders(en[key] ?? '')}}`);
    expect(mismatched).toEqual([]);
  });

  it('writes plurals with Intl.PluralRules, never "(s)"', () => {
    const lazy = [...Object.entries(fr), ...Object.entries(en)]
      .filter(([, text]) => /\w\((s|es|ies|x)\)/.test(text))
      .map(([key]) => key);
    expect(lazy).toEqual([]);
  });

  it('gives every plural an `other` form', () => {
    const plurals = [...Object.entries(fr), ...Object.entries(en)].flatMap(([key, text]) =>
      [...text.matchAll(/\{\s*\w+\s*,\s*plural\s*,/g)].map((match) => ({
        key,
        rest: text.slice((match.index ?? 0) + match[0].length),
      })),
    );
    expect(plurals.length).toBeGreaterThan(10);
    for (const { key, rest } of plurals) expect(pluralOptions(rest).has('other'), key).toBe(true);
  });
});
