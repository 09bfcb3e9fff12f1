import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { button, plain, text } from './double/block-kit-samples.js';
import { SlackApiDouble } from './slack-api-double.js';

/** The double refuses what Slack refuses, with Slack's own answers: checked through the WebClient the bot uses. */
let clock = Date.now();
const double = new SlackApiDouble({ now: () => clock });
let client: webApi.WebClient;
const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};

beforeAll(async () => {
  await double.start();
  client = new webApi.WebClient('xoxb-double-test', {
    slackApiUrl: double.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietLogger,
  });
});
afterAll(() => double.stop());
afterEach(() => {
  clock += 60_000;
  double.assertNoViolations();
});

/** Posts `blocks` and returns Slack's refusal: its error and details. */
async function refusalOf(
  blocks: unknown[],
  channel = 'CDOUBLE01',
): Promise<{ error?: string; errors?: string[] }> {
  const refused = await client.chat
    .postMessage({ channel, text: 'fallback', blocks: blocks as never })
    .then(() => ({}))
    .catch((error: { data?: { error?: string; errors?: string[] } }) => error.data ?? {});
  double.takeViolations();
  return refused;
}

describe('the Slack double answers invalid Block Kit as Slack does', () => {
  it('invalid_blocks, with errors and their json-pointers', async () => {
    const refused = await refusalOf([{ type: 'actions', elements: [button('same'), button('same')] }]);
    const detail = 'duplicate action_id "same" in the block [json-pointer:/blocks/0/elements/1/action_id]';
    expect(refused).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: [detail],
      response_metadata: { messages: [`[ERROR] ${detail}`] },
    });
  });

  it('takes a message within every limit, and reads its live mentions', async () => {
    const posted = await client.chat.postMessage({
      channel: 'CDOUBLE02',
      text: 'Incident <@UPAGED01> &lt;!channel&gt;',
      blocks: [
        { type: 'header', text: plain('h'.repeat(150)) },
        { type: 'section', text: text(`${'s'.repeat(2980)} <@UPAGED01>`), accessory: button('one') },
        {
          type: 'actions',
          elements: [
            button('a:1'),
            button('a:2', {
              confirm: {
                title: plain('t'),
                text: plain('x'),
                confirm: plain('Yes'),
                deny: plain('No'),
                style: 'danger',
              },
            }),
          ] as never,
        },
        { type: 'context', elements: [text('&lt;@UOUTSIDE1&gt;')] },
      ] as never,
    });
    expect(posted.ok).toBe(true);
    const call = double.callsOf('chat.postMessage').at(-1);
    expect(call?.reading?.mentions).toEqual(['UPAGED01', 'UPAGED01']);
    expect(call?.reading?.specials).toEqual([]);
    expect(call?.reading?.inertMentions).toEqual(['UOUTSIDE1']);
  });
});

describe('what samaops promises on top of what Slack refuses', () => {
  it('a message that notifies a whole channel, or with blocks and no text fallback, is a violation', async () => {
    await client.chat.postMessage({ channel: 'CDOUBLE03', text: 'disk full <!channel> <!subteam^S0OPS>' });
    await client.chat.postMessage({ channel: 'CDOUBLE04', blocks: [{ type: 'divider' }] });
    const problems = double.takeViolations().flatMap((violation) => violation.problems);
    expect(problems).toEqual([
      'chat.postMessage: notifies everyone: <!channel>',
      'chat.postMessage: notifies everyone: <!subteam^S0OPS>',
      'chat.postMessage: blocks without a top-level text fallback',
    ]);
  });

  it('assertNoViolations fails with what was sent', async () => {
    await client.chat.postMessage({ channel: 'CDOUBLE05', text: 'a < b' });
    expect(() => double.assertNoViolations()).toThrow(/unescaped "<"[\s\S]*a < b/);
  });
});

describe('Web API methods as Slack answers them', () => {
  it('chat.update of a message that does not exist: message_not_found', async () => {
    const posted = await client.chat.postMessage({ channel: 'CDOUBLE06', text: 'en cours' });
    await client.chat.update({ channel: 'CDOUBLE06', ts: posted.ts ?? '', text: 'done' });
    const missing = await client.chat
      .update({ channel: 'CDOUBLE06', ts: '1.000100', text: 'done' })
      .catch((error: { data?: { error?: string } }) => error.data);
    expect(missing?.error).toBe('message_not_found');
    expect(double.takeViolations()).toHaveLength(1);
  });

  it('conversations.open needs users; a DM channel exists once opened', async () => {
    const none = await client.conversations
      .open({} as never)
      .catch((error: { data?: { error?: string } }) => error.data);
    expect(none?.error).toBe('users_list_not_supplied');
    const stranger = await client.chat
      .postMessage({ channel: 'DNEVEROPEN1', text: 'hi' })
      .catch((error: { data?: { error?: string } }) => error.data);
    expect(stranger?.error).toBe('channel_not_found');
    double.takeViolations();
    const dm = await client.conversations.open({ users: 'UPAGED01' });
    expect(dm.channel?.id).toBe(double.dmChannelOf('UPAGED01'));
    expect((await client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'hi' })).ok).toBe(true);
  });

  it('chat.postMessage to one channel faster than Slack allows: 429 with Retry-After', async () => {
    const post = () => client.chat.postMessage({ channel: 'CDOUBLE07', text: 'x' });
    for (let index = 0; index < 3; index += 1) expect((await post()).ok).toBe(true);
    await expect(post()).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
    clock += 1000;
    expect((await post()).ok).toBe(true);
  });

  it('a call without the token: not_authed', async () => {
    const response = await fetch(`${double.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'CDOUBLE08', text: 'x' }),
    });
    expect(await response.json()).toEqual({ ok: false, error: 'not_authed' });
    double.takeViolations();
  });

  it('a response_url answers 5 times within 30 minutes, then 404 used_url; an old one 404 expired_url', async () => {
    const answer = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'ok' }),
      });
    const url = double.responseUrl('five-uses');
    for (let use = 0; use < 5; use += 1) expect((await answer(url)).status).toBe(200);
    const sixth = await answer(url);
    expect([sixth.status, await sixth.json()]).toEqual([404, { ok: false, error: 'used_url' }]);
    const old = double.responseUrl('old');
    clock += 31 * 60_000;
    const late = await answer(old);
    expect([late.status, await late.json()]).toEqual([404, { ok: false, error: 'expired_url' }]);
    expect(double.takeViolations()).toHaveLength(2);
  });
});
