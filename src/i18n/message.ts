import type { MessageKey } from './catalogue/index.js';

/** A byte count, written in the reader's units when the message is rendered (`2,2 Mio`, `2.2 MiB`). */
export interface ByteCount {
  bytes: number;
}

/** One placeholder's value; numbers, byte counts and nested messages are rendered in the reader's locale. */
export type ParamValue = string | number | ByteCount | Message;

/** Values a message placeholder can take. */
export type MessageParams = Record<string, ParamValue>;

/** A piece of user-facing text, rendered later in the reader's locale. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** Shorthand to build a Message. */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/** A byte count as a message parameter. */
export function byteCount(bytes: number): ByteCount {
  return { bytes };
}
