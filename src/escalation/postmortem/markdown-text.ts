import { withoutUnsafeCharacters } from '../../render/unsafe-characters.js';

/**
 * Outside text (titles, alert summaries, server output) as inert Markdown: control characters
 * removed, line breaks flattened, and the characters Markdown reads as markup mid-line escaped
 * (emphasis, code, links and images, HTML, tables, entities). Text never starts a line of the
 * draft, so `#`, `-` and `>` need no escape; without `[`, a `(` opens no link.
 */
export function mdText(text: string): string {
  return withoutUnsafeCharacters(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

/** A Markdown table: a header row, its rule, a row each; cells are already Markdown. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** A fenced code block whose fence is longer than any run of backticks inside: the content stays verbatim. */
export function mdCodeBlock(content: string, language = ''): string[] {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, withoutUnsafeCharacters(content), fence];
}
