import { fileGlobCharacters, identifierCharacters, pathCharacters } from '../../config/identifiers.js';
import type { PartRule } from '../remote-forms.js';

/**
 * The part rules of remote-forms.ts as POSIX sh functions, built from the same character lists as
 * the inventory's zod rules (config/identifiers.ts). Each returns 0 when its argument passes.
 */

/** A bracket expression matching one character NOT in `characters` (`-` last, so literal). */
function notOneOf(characters: string): string {
  const withoutDash = characters.replaceAll('-', '');
  return `[!${withoutDash}${characters.includes('-') ? '-' : ''}]`;
}

/** The sh function definitions every generated wrapper carries. */
export function shPartCheckFunctions(): string {
  const { first, rest, maxLength } = identifierCharacters;
  return `is_name() {
  case $1 in
    ''|${notOneOf(first)}*|*${notOneOf(rest)}*) return 1 ;;
  esac
  [ "\${#1}" -le ${maxLength} ]
}

is_path() {
  case $1 in
    /*) ;;
    *) return 1 ;;
  esac
  case $1 in
    *${notOneOf(pathCharacters)}*) return 1 ;;
  esac
  case $1/ in
    */../*) return 1 ;;
  esac
  return 0
}

is_file_pattern() {
  case $1 in
    ''|..|*${notOneOf(fileGlobCharacters)}*) return 1 ;;
  esac
  return 0
}

is_integer() {
  case $1 in
    ''|*[!0123456789]*|0?*) return 1 ;;
  esac
  [ "\${#1}" -le 9 ] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]
}`;
}

/** The sh test of one part's value held in variable `variable`. */
export function shPartCheck(rule: PartRule, variable: string): string {
  const value = `"$${variable}"`;
  switch (rule.kind) {
    case 'name':
      return `is_name ${value}`;
    case 'path':
      return `is_path ${value}`;
    case 'filePattern':
      return `is_file_pattern ${value}`;
    case 'integer':
      return `is_integer ${value} ${rule.min} ${rule.max}`;
  }
}

/** What a part must be, for a one-line refusal. */
export function partExpectation(rule: PartRule): string {
  switch (rule.kind) {
    case 'name':
      return 'a name (letters, digits, "_", "." and "-", not starting with "-")';
    case 'path':
      return 'an absolute path (letters, digits, "_", ".", "-" and "/", no "..")';
    case 'filePattern':
      return 'a file name pattern (letters, digits, "_", ".", "-", "*" and "?")';
    case 'integer':
      return `an integer ${rule.min}..${rule.max}`;
  }
}
