/**
 * Which words of a text belong to the other language: what the tests of the catalogue and of every
 * message kind hold French and English output to. Identifiers and quoted raw text are not prose:
 * code (`…`), quotes (« », “ ”, " "), usage metavariables and Slack mentions (<…>), and any word
 * that carries digits, dots, underscores, slashes, hyphens, @ or # (check ids, hosts, paths,
 * versions, options).
 */

/** English words that no French sentence of samaops uses. */
const ENGLISH = [
  'the',
  'and',
  'with',
  'failed',
  'running',
  'not',
  'is',
  'are',
  'was',
  'of',
  'to',
  'for',
  'from',
  'none',
  'missing',
  'expected',
  'unknown',
  'nothing',
  'every',
  'only',
  'which',
  'this',
  'that',
  'been',
  'has',
  'have',
  'will',
  'please',
  'requested',
  'approved',
  'rejected',
  'expired',
  'by',
  'killed',
  'timeout',
  'older',
  'than',
  'after',
  'before',
  'ready',
  'done',
  'skipped',
  'terminated',
  'returned',
  'yet',
  'answer',
  'warn',
  'fail',
  'checks',
  'should',
  'must',
  'needs',
  'could',
];

/** French words that no English sentence of samaops uses. */
const FRENCH = [
  'le',
  'la',
  'les',
  'des',
  'une',
  'est',
  'sont',
  'avec',
  'pour',
  'dans',
  'sur',
  'pas',
  'aucun',
  'aucune',
  'et',
  'ou',
  'du',
  'au',
  'aux',
  'été',
  'être',
  'cours',
  'échec',
  'inconnu',
];

const ACCENTS = /[àâçéèêëîïôûùœ]/i;

/** The prose of a text: what is left once code, quotes, metavariables and identifiers are out. */
export function proseOf(text: string): string {
  return (
    text
      .replace(/`[^`]*`/g, ' ')
      .replace(/«[^»]*»|“[^”]*”|"[^"\n]*"/g, ' ')
      .replace(/<[^<>\n]*>/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .split(/\s+/)
      // Option names and hyphenated identifiers (--timeout, wait-ready, kill-queries) are not prose.
      .filter((word) => !/[\d._/@#=|-]/.test(word))
      .join(' ')
  );
}

const words = (list: readonly string[]) => new RegExp(`(?<!\\p{L})(${list.join('|')})(?!\\p{L})`, 'giu');

/** English words in a text meant to be French. */
export function englishWordsIn(text: string): string[] {
  return [...proseOf(text).matchAll(words(ENGLISH))].map((match) => match[0]);
}

/** French words (and accented letters) in a text meant to be English. */
export function frenchWordsIn(text: string): string[] {
  const prose = proseOf(text);
  const accented = prose.split(/\s+/).filter((word) => ACCENTS.test(word));
  return [...[...prose.matchAll(words(FRENCH))].map((match) => match[0]), ...accented];
}
