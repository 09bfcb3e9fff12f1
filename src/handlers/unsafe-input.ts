import { type Message, msg } from '../i18n/message.js';
import { firstUnsafeCharacter } from '../render/unsafe-characters.js';

/** The longest `/sama` text taken: every command fits in far less (an incident title keeps 150). Default 1000. */
export const MAX_COMMAND_TEXT = 1000;

/**
 * Why the text of a command (or a button's value) is refused before anything reads it, or
 * undefined: a control character (NUL included, which PostgreSQL would refuse mid-request), a
 * bidirectional override, or more than `max` characters.
 */
export function unsafeInputProblem(text: string, max = MAX_COMMAND_TEXT): Message | undefined {
  const unsafe = firstUnsafeCharacter(text);
  if (unsafe) return msg('slack.refused.unsafeCharacter', unsafe);
  const length = Array.from(text).length;
  return length > max ? msg('slack.refused.tooLong', { length, max }) : undefined;
}
