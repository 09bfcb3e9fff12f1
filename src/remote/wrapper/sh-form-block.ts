import { parseWord, type WordPiece } from '../fill-form.js';
import { type FormPart, formParts } from '../remote-forms.js';
import { shellQuote } from '../shell-quote.js';
import { partExpectation, shPartCheck } from './sh-part-checks.js';

/** The form whose block prints the wrapper's version line instead of running a command. */
export const VERSION_FORM = 'wrapper.version';

/** `"…"` text for sh: literal pieces escaped for double quotes, parts as their variables. */
function doubleQuoted(pieces: readonly WordPiece[]): string {
  const inner = pieces
    .map((piece) => (typeof piece === 'string' ? piece.replace(/[\\"$`]/g, '\\$&') : `\${p_${piece.part}}`))
    .join('');
  return `"${inner}"`;
}

/** A literal word as one sh word. */
const literal = (text: string) => shellQuote(text);

/** The literal skeleton of a form, which must tell it apart from every other form. */
export function formSkeleton(words: readonly string[]): string {
  return words
    .map((word) => {
      const { pieces, repeated } = parseWord(word);
      if (repeated) return '<...>';
      return pieces.every((piece) => typeof piece === 'string') ? pieces.join('') : '<>';
    })
    .join(' ');
}

/**
 * Reads the parts of the word at position `position` into `p_<part>` variables, checks each with
 * its rule, and checks that the template filled with them gives back the word exactly, so that no
 * character of the word escapes a check. A part met a second time must equal its first value.
 */
function extractWord(form: string, position: number, pieces: readonly WordPiece[], seen: Set<FormPart>) {
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (typeof only === 'object') {
    // The whole word is one part: its check is the whole check.
    if (seen.has(only.part))
      return [
        `  [ "\${${position}}" = "$p_${only.part}" ] || refuse ${literal(`${form}: ${only.part} differs`)}`,
      ];
    seen.add(only.part);
    return [
      `  p_${only.part}=\${${position}}`,
      `  ${shPartCheck(formParts[only.part], `p_${only.part}`)} || refuse ${mustBe(form, only.part)}`,
    ];
  }
  const lines = [`  w=\${${position}}`];
  const leading = typeof pieces[0] === 'string' ? pieces[0] : '';
  lines.push(leading === '' ? '  rest=$w' : `  rest=\${w#${literal(leading)}}`);
  const parts = pieces.flatMap((piece, index) =>
    typeof piece === 'string' ? [] : [{ part: piece.part, after: pieces[index + 1] }],
  );
  const checks: string[] = [];
  parts.forEach(({ part, after }, index) => {
    if (seen.has(part)) throw new Error(`${form}: part <${part}> repeated inside a word`);
    seen.add(part);
    const separator = typeof after === 'string' ? after : '';
    if (index < parts.length - 1)
      lines.push(`  p_${part}=\${rest%%${literal(separator)}*}`, `  rest=\${rest#*${literal(separator)}}`);
    else lines.push(separator === '' ? `  p_${part}=$rest` : `  p_${part}=\${rest%${literal(separator)}}`);
    checks.push(`  ${shPartCheck(formParts[part], `p_${part}`)} || refuse ${mustBe(form, part)}`);
  });
  lines.push(...checks);
  lines.push(
    `  [ ${doubleQuoted(pieces)} = "$w" ] || refuse ${literal(`${form}: argument ${position} is not as the form says`)}`,
  );
  return lines;
}

/** The refusal text of a part that fails its rule, as one sh word. */
function mustBe(form: string, part: FormPart, each = false): string {
  return literal(`${form}: ${each ? 'each ' : ''}${part} must be ${partExpectation(formParts[part])}`);
}

/** The sh block that recognises one form, checks its parts and runs it (or refuses). */
export function shFormBlock(form: string, words: readonly string[], privileged: boolean): string {
  const parsed = words.map((word) => parseWord(word));
  const repeated = parsed.at(-1)?.repeated ? parsed.at(-1) : undefined;
  const fixed = repeated ? parsed.slice(0, -1) : parsed;
  const conditions = [repeated ? `[ "$#" -gt ${fixed.length} ]` : `[ "$#" -eq ${fixed.length} ]`];
  fixed.forEach(({ pieces }, index) => {
    if (pieces.length === 1 && typeof pieces[0] === 'string')
      conditions.push(`[ "\${${index + 1}}" = ${literal(pieces[0])} ]`);
  });
  const body: string[] = [];
  const seen = new Set<FormPart>();
  fixed.forEach(({ pieces }, index) => {
    if (!(pieces.length === 1 && typeof pieces[0] === 'string'))
      body.push(...extractWord(form, index + 1, pieces, seen));
  });
  const argv = fixed.map(({ pieces }) =>
    pieces.length === 1 && typeof pieces[0] === 'string' ? literal(pieces[0]) : doubleQuoted(pieces),
  );
  const repeatedPart = repeated?.pieces[0];
  if (repeatedPart && typeof repeatedPart === 'object') {
    const rule = formParts[repeatedPart.part];
    body.push(
      `  shift ${fixed.length}`,
      '  for each in "$@"; do',
      `    ${shPartCheck(rule, 'each')} || refuse ${mustBe(form, repeatedPart.part, true)}`,
      '  done',
    );
    argv.push('"$@"');
  }
  if (form === VERSION_FORM) body.push(`  printf '%s\\n' "$version"`, '  exit 0');
  else if (privileged) body.push(`  run_privileged ${argv.join(' ')}`);
  else body.push(`  exec timeout -k 5 "$seconds" ${argv.join(' ')}`);
  return [`# ${form}`, `if ${conditions.join(' && ')}; then`, ...body, 'fi'].join('\n');
}
