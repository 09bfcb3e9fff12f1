import type { RespondFn, webApi } from '@slack/bolt';
import type { Locale } from '../i18n/define-messages.js';
import type { BotMetrics } from '../observability/metrics.js';
import { uploadToSlack } from '../outbound/slack-file-upload.js';
import type { ChatMessage } from '../render/message-model.js';
import { renderForSlack } from '../render/render-for-slack.js';
import type { ReplyPort } from '../render/reply-port.js';

/** Everything the Slack side of a reply needs: Bolt's client and respond of this request. */
export interface SlackReplyContext {
  client: webApi.WebClient;
  respond: RespondFn;
  channelId: string;
  locale: Locale;
  /** The language of ephemeral answers (the person's own); default `locale`. */
  personalLocale?: (() => Promise<Locale>) | undefined;
  metrics: BotMetrics;
}

/**
 * The handlers' ReplyPort over Slack: posts, updates and files through the Web API (the WebClient
 * retries 429s after Retry-After by itself), ephemeral answers through the response_url.
 */
export function slackReplies(context: SlackReplyContext): ReplyPort {
  const { client, respond, channelId, locale, metrics } = context;
  const render = (message: ChatMessage, language = locale) => renderForSlack(message, language);
  const counted = async <T>(method: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      metrics.slackApiError(method, slackErrorCode(error));
      throw error;
    }
  };
  const viaResponseUrl = (responseType: 'ephemeral' | 'in_channel') => async (message: ChatMessage) => {
    // The overflow notice of an ephemeral answer speaks its reader's language, as the rest does.
    const language = responseType === 'ephemeral' ? ((await context.personalLocale?.()) ?? locale) : locale;
    const response = await counted('response_url', () =>
      respond({ response_type: responseType, replace_original: false, ...render(message, language) }),
    );
    if (!response.ok) {
      metrics.slackApiError('response_url', String(response.status));
      throw new Error(`response_url answered ${response.status}`);
    }
  };
  return {
    reply: viaResponseUrl('in_channel'),
    respondEphemeral: viaResponseUrl('ephemeral'),
    async postMessage(message) {
      const posted = await counted('chat.postMessage', () =>
        client.chat.postMessage({ channel: channelId, ...render(message) }),
      );
      if (!posted.channel || !posted.ts) throw new Error('chat.postMessage returned no channel or ts');
      return { channel: posted.channel, ts: posted.ts };
    },
    async postInThread(ref, message) {
      await counted('chat.postMessage', () =>
        client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, ...render(message) }),
      );
    },
    async uploadFile(file, thread) {
      await counted('files.uploadV2', () =>
        uploadToSlack(client, thread?.channel ?? channelId, file, thread?.ts),
      );
    },
    async updateMessage(ref, message) {
      await counted('chat.update', () =>
        client.chat.update({ channel: ref.channel, ts: ref.ts, ...render(message) }),
      );
    },
  };
}

/** Slack's error code (`channel_not_found`, `ratelimited`) or the client's (`slack_webapi_request_error`). */
function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error.slice(0, 60);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code.slice(0, 60) : 'unknown';
}
