/** Supported user-facing languages. Default `fr`: the ops team is francophone. */
export type Locale = 'fr' | 'en';

/**
 * Declares one area's messages in both languages. The shared key type `K` makes the compiler
 * reject a key present in one language and missing from the other.
 * Placeholders are written `{name}` and filled by `translate`.
 */
export function defineMessages<const K extends string>(messages: {
  fr: Record<K, string>;
  en: Record<K, string>;
}): { fr: Record<K, string>; en: Record<K, string> } {
  return messages;
}
