import { checkBlocks } from './block-kit-rules.js';
import { type MrkdwnReading, mergeReadings, readMrkdwn } from './mrkdwn-reading.js';

/**
 * The content of a message (chat.postMessage, chat.update, chat.postEphemeral, a response_url
 * answer) as Slack takes it, and what samaops promises on top:
 * - Slack: `text`, `blocks` or `attachments` is required (`no_text`); `text` longer than 40,000
 *   characters is `msg_too_long`; `blocks` must be an array (`invalid_blocks_format`) of valid
 *   blocks (`invalid_blocks` with `errors`)
 *   (https://docs.slack.dev/reference/methods/chat.postMessage, .../chat.update).
 * - samaops: a message with blocks carries a top-level `text` fallback (what notifications and
 *   screen readers use: the chat.postMessage page "highly recommends" it, Slack only warns);
 *   no text notifies a whole channel or group (`<!channel>`, `<!here>`, `<!everyone>`,
 *   `<!subteam^…>`); every `&`, `<`, `>` not part of a control sequence is escaped
 *   (https://docs.slack.dev/messaging/formatting-message-text/).
 */
export interface MessageVerdict {
  /** Slack's error code when it refuses the message. */
  error?: string;
  /** `invalid_blocks` details, as Slack words them. */
  errors?: string[];
  /** Broken samaops promises: the double fails the test on them, even where Slack would post. */
  violations: string[];
  /** What the message's mrkdwn does once shown (mentions, links, special mentions). */
  reading: MrkdwnReading;
}

/** Slack's limit on a message's `text`. */
export const TEXT_LIMIT = 40_000;

/** Judges a message's content (params already decoded: `blocks` is the parsed JSON). */
export function judgeMessage(params: Record<string, unknown>): MessageVerdict {
  const readings: MrkdwnReading[] = [];
  const { text, blocks, attachments } = params;
  if (text !== undefined && typeof text !== 'string')
    return refused('invalid_arguments', ['text must be a string']);
  const hasText = typeof text === 'string' && text.length > 0;
  if (!hasText && blocks === undefined && attachments === undefined) return refused('no_text');
  if (typeof text === 'string' && text.length > TEXT_LIMIT) return refused('msg_too_long');
  const violations: string[] = [];
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return refused('invalid_blocks_format');
    const check = checkBlocks(blocks);
    if (check.problems.length > 0) return refused('invalid_blocks', check.problems);
    for (const { text: mrkdwn } of check.mrkdwn) readings.push(readMrkdwn(mrkdwn));
    if (!hasText) violations.push('blocks without a top-level text fallback');
  }
  if (hasText && params.mrkdwn !== false) readings.push(readMrkdwn(text as string));
  const reading = mergeReadings(readings);
  for (const special of reading.specials) violations.push(`notifies everyone: <!${special}>`);
  for (const problem of reading.problems) violations.push(problem);
  return { violations, reading };
}

function refused(error: string, errors?: string[]): MessageVerdict {
  return { error, ...(errors ? { errors } : {}), violations: [], reading: mergeReadings([]) };
}
