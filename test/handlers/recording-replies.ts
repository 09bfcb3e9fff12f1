import type { MessageRef, ReplyPort } from '../../src/handlers/reply-port.js';
import type { ChatMessage } from '../../src/render/message-model.js';

/** One answer a handler gave, in order. */
export type RecordedReply =
  | { kind: 'reply' | 'ephemeral'; message: ChatMessage }
  | { kind: 'post'; ref: MessageRef; message: ChatMessage }
  | { kind: 'update'; ref: MessageRef; message: ChatMessage };

/** A ReplyPort double that records what the handlers said, for tests of the mode-independent core. */
export function recordingReplies(): ReplyPort & { recorded: RecordedReply[] } {
  const recorded: RecordedReply[] = [];
  let next = 0;
  return {
    recorded,
    async reply(message) {
      recorded.push({ kind: 'reply', message });
    },
    async postMessage(message) {
      next += 1;
      const ref = { channel: 'C-test', ts: String(next) };
      recorded.push({ kind: 'post', ref, message });
      return ref;
    },
    async updateMessage(ref, message) {
      recorded.push({ kind: 'update', ref, message });
    },
    async respondEphemeral(message) {
      recorded.push({ kind: 'ephemeral', message });
    },
  };
}
