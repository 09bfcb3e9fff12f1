/** Length of a statement excerpt in details, previews and `data` (PRODUCT.md §3: "first 80 characters"). */
export const EXCERPT_LENGTH = 80;

/**
 * The first 80 characters of a SQL text with its whitespace collapsed, so that a multi-line query
 * fits on one report line. Counts code points, so an accented or emoji character is never cut in half.
 */
export function statementExcerpt(query: string | null | undefined, length = EXCERPT_LENGTH): string {
  if (!query) return '';
  const flat = query.replace(/\s+/g, ' ').trim();
  return Array.from(flat).slice(0, length).join('');
}
