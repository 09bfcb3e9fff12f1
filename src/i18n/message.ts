import type { MessageKey } from './catalogue/index.js';

/** Values a message placeholder can take. */
export type MessageParams = Record<string, string | number>;

/** A piece of user-facing text, rendered later in the reader's locale. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** Shorthand to build a Message. */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}
