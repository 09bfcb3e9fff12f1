import { z } from 'zod';

/**
 * The characters of each rule, spelled out rather than as ranges: the server-side wrapper
 * (samaops-remote) checks the same sets in sh patterns, where a range's meaning depends on the
 * locale and a spelled-out list does not.
 */
const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An identifier: its first character, the others, and its longest length. */
export const identifierCharacters = {
  first: LETTERS_AND_DIGITS,
  rest: `${LETTERS_AND_DIGITS}_.-`,
  maxLength: 128,
} as const;

/** Characters of a safe absolute path, `/` included. */
export const pathCharacters = `${LETTERS_AND_DIGITS}_.-/`;

/** Characters of the file-name part of a log glob: a path's, less `/`, with `*` and `?`. */
export const fileGlobCharacters = `${LETTERS_AND_DIGITS}_.-*?`;

/** A regex character class of exactly these characters. */
export function characterClass(characters: string): string {
  return `[${characters.replace(/[\\\]^-]/g, '\\$&')}]`;
}

/** Identifiers that end up in remote argument vectors: letters, digits, `_ . -`, no leading dash. */
export const identifier = z
  .string()
  .regex(
    new RegExp(
      `^${characterClass(identifierCharacters.first)}${characterClass(identifierCharacters.rest)}{0,${identifierCharacters.maxLength - 1}}$`,
    ),
    'config.identifier',
  );

/** True when a path has a `..` segment. */
export function hasParentSegment(path: string): boolean {
  return path.split('/').includes('..');
}

/** Absolute paths without shell metacharacters, `..` segments or whitespace. */
export const safeAbsolutePath = z
  .string()
  .regex(new RegExp(`^/${characterClass(pathCharacters)}*$`), 'config.absolutePath')
  .refine((p) => !hasParentSegment(p), 'config.noParent');

/** Like safeAbsolutePath, with `*` and `?` allowed in the last segment (log globs). */
export const safeGlob = z
  .string()
  .regex(
    new RegExp(`^/${characterClass(pathCharacters)}*${characterClass(fileGlobCharacters)}*$`),
    'config.glob',
  )
  .refine((p) => !hasParentSegment(p), 'config.noParent')
  .refine((p) => !p.slice(0, p.lastIndexOf('/')).match(/[*?]/), 'config.globInName');
