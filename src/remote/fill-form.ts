import { characterClass, fileGlobCharacters, identifier, safeAbsolutePath } from '../config/identifiers.js';
import { validationText } from '../i18n/translate.js';
import {
  type FormPart,
  formParts,
  type PartRule,
  type RemoteCommandForm,
  remoteCommandForms,
} from './remote-forms.js';

const filePattern = new RegExp(`^${characterClass(fileGlobCharacters)}+$`);

/** The schema's message (a catalogue key) as the SSH layer's own English text. */
function schemaProblem(message: string | undefined): string | undefined {
  return message === undefined ? undefined : validationText(message);
}

/** Why `value` breaks `rule`, or undefined when it passes. The wrapper's sh checks say the same. */
export function partRuleProblem(rule: PartRule, value: string): string | undefined {
  switch (rule.kind) {
    case 'name':
      return schemaProblem(identifier.safeParse(value).error?.issues[0]?.message);
    case 'path':
      return schemaProblem(safeAbsolutePath.safeParse(value).error?.issues[0]?.message);
    case 'filePattern':
      return filePattern.test(value) && value !== '..'
        ? undefined
        : 'a file name made of letters, digits, "_", ".", "-", "*" and "?"';
    case 'integer': {
      const number = Number(value);
      return /^(0|[1-9][0-9]*)$/.test(value) && number >= rule.min && number <= rule.max
        ? undefined
        : `an integer ${rule.min}..${rule.max}`;
    }
  }
}

/** A word template split into literal text and part names: `'+<ageDays>'` → `['+', {part}]`. */
export type WordPiece = string | { part: FormPart };

/** The pieces of one word template, and whether it is a repeated part (`<part>...`). */
export function parseWord(word: string): { pieces: WordPiece[]; repeated: boolean } {
  const repeated = /^<[A-Za-z]+>\.\.\.$/.test(word);
  const text = repeated ? word.slice(0, -3) : word;
  const pieces: WordPiece[] = [];
  for (const [index, piece] of text.split(/<([A-Za-z]+)>/).entries()) {
    if (index % 2 === 0) {
      if (piece !== '') pieces.push(piece);
    } else if (piece in formParts) {
      pieces.push({ part: piece as FormPart });
    } else {
      throw new Error(`unknown part <${piece}> in form word ${word}`);
    }
  }
  return { pieces, repeated };
}

/** A form's argument vector from its values, or the first problem: which part, and why. */
export function fillForm(
  form: RemoteCommandForm,
  values: Partial<Record<FormPart, string | number | readonly string[]>>,
): { argv: string[] } | { part: FormPart; value: unknown; problem: string } {
  const argv: string[] = [];
  for (const word of remoteCommandForms[form]) {
    const { pieces, repeated } = parseWord(word);
    const first = pieces[0];
    if (repeated && typeof first === 'object') {
      const list = values[first.part];
      if (!Array.isArray(list) || list.length === 0)
        return { part: first.part, value: list, problem: 'at least one is needed' };
      for (const each of list) {
        const problem = partRuleProblem(formParts[first.part], String(each));
        if (problem) return { part: first.part, value: each, problem };
        argv.push(String(each));
      }
      continue;
    }
    let filled = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        filled += piece;
        continue;
      }
      const value = values[piece.part];
      const text = typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
      const problem = text === undefined ? 'missing' : partRuleProblem(formParts[piece.part], text);
      if (problem || text === undefined) return { part: piece.part, value, problem: problem ?? 'missing' };
      filled += text;
    }
    argv.push(filled);
  }
  return { argv };
}
