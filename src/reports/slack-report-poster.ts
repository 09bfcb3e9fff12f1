import { setTimeout as delay } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Locale } from '../i18n/define-messages.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { ChannelBusy, sendInChannelSlot } from '../outbound/channel-rate.js';
import { uploadToSlack } from '../outbound/slack-file-upload.js';
import type { ChatMessage } from '../render/message-model.js';
import { renderForSlack } from '../render/render-for-slack.js';
import type { ReportThread } from './report-thread.js';

/** What posting a report to Slack needs. */
export interface SlackReportPosterDeps {
  /** Bolt's client; the app is built after the reports are started. */
  client: () => webApi.WebClient | undefined;
  /** Holds the per-channel slots, shared by every replica. */
  redis: Redis;
  /**
   * Slot key prefix: the escalation outbound queue's name (`<namespace>-slack-outbound`), so that
   * reports and incident messages share one budget per channel.
   */
  slotPrefix: string;
  /** Slack's pace per channel. Default 1000 ms (chat.postMessage ≈ 1 message/s per channel). */
  channelIntervalMs?: number;
  locale: Locale;
  logger: Logger;
}

/**
 * Posts a report: its main message (chat.postMessage), then each reply in order with
 * `thread_ts` = the main message's ts (returned, and given to `mainPosted` before the replies),
 * then its files (the charts) in the same thread. Every message and file first waits for the
 * channel's slot. A main message that fails throws (the report stays stored); a reply or a file
 * that still fails after the WebClient's own retries is logged and the next one is posted.
 */
export function slackReportPoster(
  deps: SlackReportPosterDeps,
): (channel: string, thread: ReportThread, mainPosted?: (ts: string) => Promise<void>) => Promise<string> {
  const intervalMs = deps.channelIntervalMs ?? 1000;
  const render = (message: ChatMessage) => renderForSlack(message, deps.locale);
  return async (channel, thread, mainPosted) => {
    const client = deps.client();
    if (!client) throw new Error('Slack client not ready: the report is stored, not posted');
    const inSlot = <T>(send: () => Promise<T>) =>
      sendWhenSlotFree(deps.redis, deps.slotPrefix, channel, intervalMs, send);
    const posted = await inSlot(() => client.chat.postMessage({ channel, ...render(thread.main) }));
    if (!posted.ts) throw new Error('chat.postMessage returned no ts: the report details are not posted');
    // The report is posted once its main message is: a stop during the replies must not post it twice.
    await mainPosted?.(posted.ts);
    const inThread = posted.channel ?? channel;
    const attempt = async (what: Record<string, unknown>, send: () => Promise<unknown>) => {
      try {
        await inSlot(send);
      } catch (error) {
        const err = scrubSecrets(error instanceof Error ? error.message : String(error));
        deps.logger.warn({ channel, ...what, err }, 'report thread reply not posted');
      }
    };
    for (const [index, reply] of thread.replies.entries()) {
      await attempt({ reply: index + 1, of: thread.replies.length }, () =>
        client.chat.postMessage({ channel: inThread, thread_ts: posted.ts, ...render(reply) }),
      );
    }
    for (const file of thread.files ?? []) {
      await attempt({ file: file.filename }, () => uploadToSlack(client, inThread, file, posted.ts));
    }
    return posted.ts;
  };
}

/** Sends in the channel's slot, waiting as long as Redis says it is held (by any replica). */
async function sendWhenSlotFree<T>(
  redis: Redis,
  prefix: string,
  channel: string,
  intervalMs: number,
  send: () => Promise<T>,
): Promise<T> {
  for (;;) {
    try {
      return await sendInChannelSlot(redis, prefix, channel, intervalMs, send);
    } catch (error) {
      if (!(error instanceof ChannelBusy)) throw error;
      await delay(error.waitMs);
    }
  }
}
