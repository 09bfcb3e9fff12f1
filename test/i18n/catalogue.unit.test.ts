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

  it('speaks one language per side: no English words in French, no French in English', () => {
    // Code, placeholders and quoted text (identifiers, raw errors) are not prose.
    const prose = (text: string) =>
      text
        .replace(/`[^`]*`/g, ' ')
        .replace(/\{\s*\w+\s*(,\s*plural\s*,)?\}?/g, ' ')
        .replace(/[{}]/g, ' ')
        .replace(/"[^"]*"|«[^»]*»|“[^”]*”/g, ' ');
    const word = (words: string) => new RegExp(`(?<!\\p{L})(${words})(?!\\p{L})`, 'iu');
    const english = word(
      'the|and|with|failed|running|not|is|are|was|of|to|for|from|none|missing|expected|unknown|nothing|every|only|which|this|that|been|has|have|will|please|requested|approved|rejected|expired|by|killed|timeout|older|than',
    );
    const french = word(
      'le|la|les|des|une|est|sont|avec|pour|dans|sur|pas|aucun|aucune|et|ou|du|au|aux|été|être',
    );
    const accents = /[àâçéèêëîïôûùœ]/i;
    expect(Object.entries(fr).filter(([, text]) => english.test(prose(text)))).toEqual([]);
    expect(
      Object.entries(en).filter(([, text]) => french.test(prose(text)) || accents.test(prose(text))),
    ).toEqual([]);
  });
});
