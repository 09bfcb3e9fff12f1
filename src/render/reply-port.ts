import type { Locale } from '../i18n/define-messages.js';
import type { ChatMessage } from './message-model.js';

/** A posted message that can be updated later: Slack's channel and ts, or the console's number. */
export interface MessageRef {
  channel: string;
  ts: string;
}

/** A file to share: a chart image, a post-mortem draft. */
export interface UploadFile {
  /** File name with its extension, e.g. `rapport-mensuel.png`: Slack types the file by it. */
  filename: string;
  /** Shown above the file. */
  title: string;
  bytes: Uint8Array;
  /** Description of an image for screen readers. */
  altText?: string;
}

/**
 * How a handler answers, whatever the mode: Slack (Web API, response_url) and the console
 * implement it, so the handlers never know which one they talk to.
 */
export interface ReplyPort {
  /** Answers the command for everyone in the conversation (Slack: response_url, in_channel). */
  reply(message: ChatMessage): Promise<void>;
  /** Posts a message that can be updated later (Slack: chat.postMessage). */
  postMessage(message: ChatMessage): Promise<MessageRef>;
  /**
   * Posts a reply in the thread of a posted message (Slack: chat.postMessage with `thread_ts`).
   * Absent where there are no threads (the console): callers then show everything in one message.
   */
  postInThread?(ref: MessageRef, message: ChatMessage): Promise<void>;
  /**
   * Shares a file in the conversation, in the thread of `thread` when given (Slack:
   * files.getUploadURLExternal, the upload, files.completeUploadExternal). Absent where files
   * cannot be shown (the console prints text files instead, see consoleReplies).
   */
  uploadFile?(file: UploadFile, thread?: MessageRef): Promise<void>;
  /** Replaces a posted message (Slack: chat.update). */
  updateMessage(ref: MessageRef, message: ChatMessage): Promise<void>;
  /** Answers only the person who asked (Slack: response_url, ephemeral). */
  respondEphemeral(message: ChatMessage): Promise<void>;
}

/** Who asked, where, and how to answer them: one per command or button press. */
export interface Invocation {
  /** Slack user id of the person who asked (or the console's operator). */
  userId: string;
  /** Conversation the command came from (a channel id, or `console`). */
  channelId: string;
  replies: ReplyPort;
  /**
   * The language of answers to this person alone (ephemeral ones): in Slack, their own (fr or en),
   * asked of Slack only when such an answer is sent. Absent: the inventory's, as in channel messages.
   */
  personalLocale?: () => Promise<Locale>;
}

/** The language of an answer to the person who asked alone: theirs when known, else `fallback`. */
export async function localeFor(
  invocation: Pick<Invocation, 'personalLocale'>,
  fallback: Locale,
): Promise<Locale> {
  return (await invocation.personalLocale?.()) ?? fallback;
}
