import type { Message } from './message.js';

/**
 * The base of the bot's errors that a person may read: a stable `code` (logs, tests, control
 * flow) and `userMessage`, catalogued text rendered in the reader's locale by
 * `render/error-text.ts`, the one place errors become Slack, console or CLI text. `message` stays
 * the English detail for logs.
 */
export abstract class CodedError<Code extends string = string> extends Error {
  abstract readonly code: Code;
  constructor(
    readonly userMessage: Message,
    detail?: string,
  ) {
    super(detail ?? userMessage.key);
  }
}

/** Narrows an unknown error to a CodedError. */
export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
