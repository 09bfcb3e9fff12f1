import type { webApi } from '@slack/bolt';
import type { Locale } from '../i18n/define-messages.js';
import type { ChatMessage } from '../render/message-model.js';
import { slackLimits } from '../render/message-model.js';
import { renderForSlack } from '../render/render-for-slack.js';
import { toMrkdwn } from '../render/slack-text.js';
import type { UserLocales } from './user-locales.js';

/** The three Slack calls escalation makes; the outbound worker is their only caller. */
export interface SlackSender {
  /** chat.postMessage, in a thread when `threadTs` is given; a string is model text (escaped, mentions live). */
  post(
    channel: string,
    message: ChatMessage | string,
    threadTs?: string,
  ): Promise<{ channel: string; ts: string }>;
  /** chat.update of the incident message. */
  update(channel: string, ts: string, message: ChatMessage): Promise<void>;
  /** conversations.open: the DM channel with a person. */
  openDm(userId: string): Promise<string>;
  /** The language of a DM to this person (their Slack language); absent: the inventory's. Never rejects. */
  localeOf?(userId: string): Promise<Locale>;
}

/**
 * The SlackSender over Bolt's WebClient. The WebClient's own retries are kept short here: the
 * outbound queue retries with backoff, so a 429 or a 5xx never loses a message.
 */
export function webClientSender(
  clientOf: () => webApi.WebClient | undefined,
  locale: Locale,
  userLocales?: UserLocales,
): SlackSender {
  // The Bolt app (and its client) is built after the services that hold this sender.
  const client = () => {
    const current = clientOf();
    if (!current) throw new Error('Slack client not ready yet');
    return current;
  };
  const render = (message: ChatMessage | string) =>
    typeof message === 'string'
      ? { text: toMrkdwn(message, slackLimits.postText) }
      : renderForSlack(message, locale);
  return {
    async post(channel, message, threadTs) {
      const result = await client().chat.postMessage({
        channel,
        ...render(message),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return { channel: result.channel ?? channel, ts: result.ts ?? '' };
    },
    async update(channel, ts, message) {
      await client().chat.update({ channel, ts, ...render(message) });
    },
    async openDm(userId) {
      const result = await client().conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error(`conversations.open returned no channel for ${userId}`);
      return id;
    },
    ...(userLocales ? { localeOf: (userId: string) => userLocales.localeOf(userId) } : {}),
  };
}
