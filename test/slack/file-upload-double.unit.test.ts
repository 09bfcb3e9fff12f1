import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiDouble } from './slack-api-double.js';

/** The double's file upload flow and scopes, through the WebClient the bot uses and by hand. */
const double = new SlackApiDouble();
const token = 'xoxb-upload-test';
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
  client = new webApi.WebClient(token, {
    slackApiUrl: double.apiUrl,
    retryConfig: { retries: 0 },
    logger: quietLogger,
  });
});
afterAll(() => double.stop());
afterEach(() => double.assertNoViolations());

/** Slack's refusal of a call (its `data`), the double's violations taken. */
async function refused(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const data = await call.then(
    () => ({}),
    (error: { data?: Record<string, unknown> }) => error.data ?? {},
  );
  double.takeViolations();
  return data;
}

/** Asks for an upload URL for `length` bytes. */
async function uploadUrl(length: number): Promise<{ upload_url: string; file_id: string }> {
  const answer = await client.files.getUploadURLExternal({ filename: 'pm.md', length });
  return { upload_url: answer.upload_url ?? '', file_id: answer.file_id ?? '' };
}

const post = (url: string, body: Buffer) =>
  fetch(url, { method: 'POST', body: new Uint8Array(body), headers: { authorization: `Bearer ${token}` } });

describe('the upload flow as Slack takes it', () => {
  it('filesUploadV2 (URL, bytes, complete) shares the file in the thread, bytes intact', async () => {
    const posted = await client.chat.postMessage({ channel: 'CUPLOAD01', text: 'incident #1' });
    const bytes = Buffer.from('# Post-mortem\n\nRésumé…\n');
    await client.filesUploadV2({
      channel_id: 'CUPLOAD01',
      thread_ts: posted.ts ?? '',
      file: bytes,
      filename: 'incident-1.md',
      title: 'Post-mortem #1',
      alt_text: 'draft',
    });
    const methods = double.calls.map((call) => call.method).slice(-3);
    expect(methods).toEqual(['files.getUploadURLExternal', 'upload_url', 'files.completeUploadExternal']);
    const shared = double.sharedFiles().at(-1);
    expect(shared).toMatchObject({
      filename: 'incident-1.md',
      title: 'Post-mortem #1',
      altText: 'draft',
      channel: 'CUPLOAD01',
      threadTs: posted.ts,
    });
    expect(shared?.bytes.equals(bytes)).toBe(true);
  });

  it('files.getUploadURLExternal: filename and length required, a length of 0 refused, a long alt_txt refused', async () => {
    expect(await refused(client.apiCall('files.getUploadURLExternal', { length: 10 }))).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(await refused(client.apiCall('files.getUploadURLExternal', { filename: 'a.png' }))).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(
      await refused(client.apiCall('files.getUploadURLExternal', { filename: 'a.png', length: 0 })),
    ).toMatchObject({ error: 'missing_argument' });
    expect(
      await refused(
        client.apiCall('files.getUploadURLExternal', {
          filename: 'a.png',
          length: 3,
          alt_txt: 'x'.repeat(1001),
        }),
      ),
    ).toMatchObject({ error: 'alt_txt_too_large' });
  });

  it('the upload URL takes exactly the announced length, once', async () => {
    const short = await uploadUrl(10);
    expect((await post(short.upload_url, Buffer.alloc(9))).status).toBe(400);
    expect(double.takeViolations().flatMap((v) => v.problems)).toEqual([
      'upload_url: 9 bytes sent, 10 announced (length)',
    ]);
    const once = await uploadUrl(4);
    expect((await post(once.upload_url, Buffer.from('abcd'))).status).toBe(200);
    expect((await post(once.upload_url, Buffer.from('abcd'))).status).toBe(404);
    expect(double.takeViolations().flatMap((v) => v.problems)).toEqual([
      'upload_url: upload URL already used',
    ]);
    expect((await post(`${once.upload_url}x`, Buffer.from('abcd'))).status).toBe(404);
    double.takeViolations();
  });

  it('files.completeUploadExternal: file_not_found before the bytes, for an unknown id and the second time', async () => {
    const pending = await uploadUrl(4);
    const complete = (id: string) =>
      client.files.completeUploadExternal({ files: [{ id }], channel_id: 'CUPLOAD01' });
    expect(await refused(complete(pending.file_id))).toMatchObject({ error: 'file_not_found' });
    expect(await refused(complete('F0NEVERGIVEN'))).toMatchObject({ error: 'file_not_found' });
    await post(pending.upload_url, Buffer.from('abcd'));
    await complete(pending.file_id);
    expect(await refused(complete(pending.file_id))).toMatchObject({ error: 'file_not_found' });
    expect(
      await refused(client.apiCall('files.completeUploadExternal', { channel_id: 'CUPLOAD01' })),
    ).toMatchObject({ error: 'invalid_arguments' });
  });

  it('files.completeUploadExternal: the channel must exist, a thread needs a channel, and a file shared nowhere is a broken promise', async () => {
    const upload = async () => {
      const url = await uploadUrl(2);
      await post(url.upload_url, Buffer.from('ok'));
      return url.file_id;
    };
    expect(
      await refused(
        client.files.completeUploadExternal({ files: [{ id: await upload() }], channel_id: 'nope' }),
      ),
    ).toMatchObject({ error: 'channel_not_found' });
    expect(
      await refused(
        client.apiCall('files.completeUploadExternal', {
          files: JSON.stringify([{ id: await upload() }]),
          thread_ts: '1700000000.000100',
        }),
      ),
    ).toMatchObject({ error: 'invalid_arguments' });
    await client.files.completeUploadExternal({ files: [{ id: await upload() }] });
    expect(double.takeViolations().flatMap((v) => v.problems)).toEqual([
      'files.completeUploadExternal: no channel_id: the file stays private, nobody sees it',
    ]);
    await client.files.completeUploadExternal({
      files: [{ id: await upload() }],
      channel_id: 'CUPLOAD01',
      thread_ts: '1.000100',
    });
    expect(double.takeViolations().flatMap((v) => v.problems)).toEqual([
      'files.completeUploadExternal: thread_ts 1.000100 is no message of CUPLOAD01',
    ]);
  });
});

describe('scopes', () => {
  it('a token without files:write gets missing_scope, with what was needed and provided', async () => {
    const narrow = new SlackApiDouble({ scopes: ['commands', 'chat:write'] });
    await narrow.start();
    try {
      const narrowClient = new webApi.WebClient(token, {
        slackApiUrl: narrow.apiUrl,
        retryConfig: { retries: 0 },
        logger: quietLogger,
      });
      const data = await narrowClient.files.getUploadURLExternal({ filename: 'a.png', length: 3 }).then(
        () => ({}),
        (error: { data?: Record<string, unknown> }) => error.data ?? {},
      );
      expect(data).toMatchObject({
        ok: false,
        error: 'missing_scope',
        needed: 'files:write',
        provided: 'commands,chat:write',
      });
      expect(narrow.takeViolations().flatMap((v) => v.problems)).toEqual([
        'files.getUploadURLExternal: missing_scope (needed files:write)',
      ]);
      await narrowClient.chat.postMessage({ channel: 'CUPLOAD02', text: 'still allowed' });
      narrow.assertNoViolations();
    } finally {
      await narrow.stop();
    }
  });
});
