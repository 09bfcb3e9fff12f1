import { createHmac, randomUUID } from 'node:crypto';

/** How a test request should be signed: correctly, with a wrong secret, or with an old timestamp. */
export interface SigningOptions {
  signingSecret: string;
  /** Seconds since the epoch. Default now. */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  wrongSecret?: string;
}

/** What the receiver answered, and when the answer arrived. */
export interface SignedResponse {
  status: number;
  body: string;
  /** performance.now() when the response was complete. */
  at: number;
}

/**
 * A client that speaks to the HTTP receiver as Slack does: form-encoded bodies
 * (`payload=<json>` for interactivity) signed with `v0=` HMAC-SHA256 of `v0:{ts}:{body}`.
 */
export class SignedRequestClient {
  constructor(private readonly eventsUrl: string) {}

  /** Sends `/sama <text>` as Slack's slash-command POST. */
  slashCommand(command: SlashCommandFields, signing: SigningOptions): Promise<SignedResponse> {
    return this.post(slashCommandBody(command), signing);
  }

  /** Sends a button press as Slack's `block_actions` interactivity POST (`payload=<json>`). */
  blockAction(
    press: {
      actionId: string;
      value: string;
      userId: string;
      channelId: string;
      messageTs: string;
      responseUrl: string;
    },
    signing: SigningOptions,
  ): Promise<SignedResponse> {
    const payload = {
      type: 'block_actions',
      user: { id: press.userId, username: 'awa', name: 'awa', team_id: 'T0DOUBLE' },
      api_app_id: 'A0SAMAOPS',
      token: 'deprecated-verification-token',
      container: {
        type: 'message',
        message_ts: press.messageTs,
        channel_id: press.channelId,
        is_ephemeral: false,
      },
      trigger_id: `${Date.now()}.${randomUUID()}`,
      team: { id: 'T0DOUBLE', domain: 'samaconso' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: press.channelId, name: 'samaconso-prod' },
      message: { type: 'message', ts: press.messageTs, text: 'report', blocks: [] },
      response_url: press.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: press.actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'button', emoji: true },
          value: press.value,
          action_ts: String(Date.now() / 1000),
        },
      ],
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), signing);
  }

  /** Sends a form body as Slack does (e.g. a fixture of test/fixtures/slack/), with extra headers if given. */
  send(body: string, signing: SigningOptions, headers: Record<string, string> = {}): Promise<SignedResponse> {
    return this.post(body, signing, headers);
  }

  private async post(
    body: string,
    signing: SigningOptions,
    headers: Record<string, string> = {},
  ): Promise<SignedResponse> {
    const response = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: {
        ...signedHeaders(body, signing),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text, at: performance.now() };
  }
}

/** What a slash command carries that a test chooses. */
export interface SlashCommandFields {
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
}

/** The form body of Slack's slash-command POST. */
export function slashCommandBody(command: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0DOUBLE',
    team_domain: 'samaconso',
    channel_id: command.channelId,
    channel_name: 'samaconso-prod',
    user_id: command.userId,
    user_name: 'awa',
    command: '/sama',
    text: command.text,
    api_app_id: 'A0SAMAOPS',
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: `${Date.now()}.${randomUUID()}`,
  }).toString();
}

/** Slack's request headers for `body`: form content type, timestamp and `v0=` HMAC-SHA256 signature. */
export function signedHeaders(body: string, signing: SigningOptions): Record<string, string> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = signing.wrongSecret ?? signing.signingSecret;
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}
