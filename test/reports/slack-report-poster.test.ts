import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { webApi } from '@slack/bolt';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import type { ChatMessage } from '../../src/render/message-model.js';
import type { ReportThread } from '../../src/reports/report-thread.js';
import { slackReportPoster } from '../../src/reports/slack-report-poster.js';
import { SlackApiDouble } from '../slack/slack-api-double.js';

/**
 * The report poster against the Web API double and the machine's Redis: the main message, then
 * the replies in its thread in order; a taken channel slot is waited for, not failed on; a reply
 * that fails is logged (without the token) and the next one still posted.
 */

const token = `xoxb-test-${randomUUID()}`;
const prefix = `test-${randomUUID().slice(0, 8)}-slack-outbound`;
const double = new SlackApiDouble();
// Every call the bot made in a test is one Slack would take (test/slack/double/).
afterEach(() => double.assertNoViolations());
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
let logged = '';

beforeAll(async () => {
  await double.start();
});

afterAll(async () => {
  const slots = await redis.keys(`${prefix}:slack-slot:*`);
  if (slots.length > 0) await redis.del(...slots);
  redis.disconnect();
  await double.stop();
});

function poster() {
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => {
    logged += chunk.toString('utf8');
  });
  // Slack's own retries off: a platform error is final, as once the WebClient has given up.
  const client = new webApi.WebClient(token, { slackApiUrl: double.apiUrl, retryConfig: { retries: 0 } });
  return slackReportPoster({
    client: () => client,
    redis,
    slotPrefix: prefix,
    channelIntervalMs: 100,
    locale: 'fr',
    logger: createLogger({ level: 'warn', destination: logs }),
  });
}

const message = (title: string): ChatMessage => ({
  title,
  sections: [{ lines: [{ text: `${title} line` }] }],
});
const thread = (): ReportThread => ({
  main: message('main'),
  replies: [message('reply 1'), message('reply 2'), message('reply 3')],
});

describe('slackReportPoster', () => {
  it('waits for a taken channel slot, posts the replies in the thread in order, and logs a failed one', async () => {
    const channel = 'CPOSTER01';
    // Another replica, or the escalation's outbound queue, has just posted in this channel.
    await redis.set(`${prefix}:slack-slot:${channel}`, '1', 'PX', 300);
    double.failNextMatching('chat.postMessage', (params) => params.text === 'reply 1', {
      status: 200,
      error: 'msg_too_long',
    });
    await poster()(channel, thread());

    const calls = double.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);
    expect(calls.map((call) => call.params.text)).toEqual(['main', 'reply 1', 'reply 2', 'reply 3']);
    const ts = calls[0]?.answer?.ts;
    expect(ts).toMatch(/^\d+\.\d+$/);
    expect(calls[0]?.params.thread_ts).toBeUndefined();
    for (const reply of calls.slice(1)) expect(reply.params.thread_ts).toBe(ts);
    expect(calls[1]?.answer).toEqual({ ok: false, error: 'msg_too_long' });
    const warning = JSON.parse(logged.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(warning).toMatchObject({ msg: 'report thread reply not posted', channel, reply: 1, of: 3 });
    expect(String(warning.err)).toContain('msg_too_long');
    expect(logged).not.toContain(token);
  });

  it('a main message Slack refuses throws, and no reply is posted without it', async () => {
    const channel = 'CPOSTER02';
    double.failNextMatching('chat.postMessage', (params) => params.channel === channel, {
      status: 200,
      error: 'channel_not_found',
    });
    await expect(poster()(channel, thread())).rejects.toThrow(/channel_not_found/);
    expect(double.callsOf('chat.postMessage').filter((call) => call.params.channel === channel)).toHaveLength(
      1,
    );
  });

  it('shares the charts in the thread after the replies, with Slack’s upload flow; a refused upload is logged', async () => {
    const channel = 'CPOSTER03';
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(2000, 7)]);
    const chart = {
      filename: 'samaops-weekly-2026-11-01.png',
      title: 'Graphiques',
      altText: 'alt',
      bytes: png,
    };
    const ts = await poster()(channel, { ...thread(), files: [chart] });
    // Calls made for this channel, and the upload calls (getUploadURLExternal and the URL name none).
    const made = double.calls.filter(
      (call) =>
        call.params.channel === channel || call.method.startsWith('files.') || call.method === 'upload_url',
    );
    expect(made.map((call) => call.method).slice(-7)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'chat.postMessage',
      'chat.postMessage',
      'files.getUploadURLExternal',
      'upload_url',
      'files.completeUploadExternal',
    ]);
    const shared = double.sharedFiles().find((file) => file.channel === channel);
    expect(shared).toMatchObject({ filename: chart.filename, title: 'Graphiques', threadTs: ts });
    expect(shared?.bytes.equals(png)).toBe(true);

    double.failNext('files.getUploadURLExternal', { status: 200, error: 'file_uploads_disabled' });
    await poster()('CPOSTER04', { ...thread(), files: [chart] });
    const warning = JSON.parse(logged.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(warning).toMatchObject({
      msg: 'report thread reply not posted',
      channel: 'CPOSTER04',
      file: chart.filename,
    });
    expect(String(warning.err)).toContain('file_uploads_disabled');
  });
});
