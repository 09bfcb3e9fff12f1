import type { ChatMessage } from '../../src/render/message-model.js';
import { renderForSlack } from '../../src/render/render-for-slack.js';
import type { MessageRef, ReplyPort } from '../../src/render/reply-port.js';
import { judgeMessage } from '../slack/double/message-rules.js';

/** One answer a handler gave, in order. */
export type RecordedReply =
  | { kind: 'reply' | 'ephemeral'; message: ChatMessage }
  | { kind: 'post'; ref: MessageRef; message: ChatMessage }
  | { kind: 'update'; ref: MessageRef; message: ChatMessage };

/** Messages the handlers gave that Slack would refuse (or that break samaops' promises), since the last check. */
const breaches: string[] = [];

/**
 * A ReplyPort double that records what the handlers said, for tests of the mode-independent core.
 * Every message is also rendered as Slack would get it and held against the Slack double's rules:
 * call `expectRepliesWithinSlackRules` in `afterEach`.
 */
export function recordingReplies(): ReplyPort & { recorded: RecordedReply[] } {
  const recorded: RecordedReply[] = [];
  let next = 0;
  const record = (reply: RecordedReply) => {
    recorded.push(reply);
    const verdict = judgeMessage({ ...renderForSlack(reply.message, 'fr') });
    const problems = [
      ...(verdict.error ? [verdict.error, ...(verdict.errors ?? [])] : []),
      ...verdict.violations,
    ];
    if (problems.length > 0) breaches.push(`${reply.kind} "${reply.message.title}": ${problems.join('; ')}`);
  };
  return {
    recorded,
    async reply(message) {
      record({ kind: 'reply', message });
    },
    async postMessage(message) {
      next += 1;
      const ref = { channel: 'C-test', ts: String(next) };
      record({ kind: 'post', ref, message });
      return ref;
    },
    async updateMessage(ref, message) {
      record({ kind: 'update', ref, message });
    },
    async respondEphemeral(message) {
      record({ kind: 'ephemeral', message });
    },
  };
}

/** Fails when a recorded message would have been refused by Slack (see test/slack/double/). */
export function expectRepliesWithinSlackRules(): void {
  const found = breaches.splice(0, breaches.length);
  if (found.length > 0) throw new Error(`messages Slack would refuse:\n${found.join('\n')}`);
}
