/**
 * Characters no message of samaops should carry: C0 and C1 control characters except tab and
 * newline (NUL among them: PostgreSQL refuses it in text), bidirectional overrides (they disguise
 * what a line says) and Unicode noncharacters (slack-text.ts marks its mention tokens with two).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** The first unsafe character of `text`: its 1-based position (in code points) and its code, e.g. `U+0000`. */
export function firstUnsafeCharacter(text: string): { position: number; code: string } | undefined {
  let position = 0;
  for (const character of text) {
    position += 1;
    if (UNSAFE.test(character)) {
      const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return { position, code: `U+${code}` };
    }
  }
  return undefined;
}

/** `text` with every unsafe character replaced (default: removed). */
export function withoutUnsafeCharacters(text: string, replacement = ''): string {
  return text.replace(UNSAFE_ALL, replacement);
}
