import type { webApi } from '@slack/bolt';
import type { UploadFile } from '../render/reply-port.js';

/**
 * Shares a file in a channel, in the thread of `threadTs` when given, with Slack's current upload
 * flow (files.upload is retired): files.getUploadURLExternal (name and length), a POST of the
 * bytes to the URL it gives, then files.completeUploadExternal with `channel_id` and `thread_ts`.
 * The WebClient's filesUploadV2 runs those three calls through the client's own transport (the
 * corporate proxy) and retries; it needs the `files:write` scope (manifest.yml).
 */
export async function uploadToSlack(
  client: webApi.WebClient,
  channel: string,
  file: UploadFile,
  threadTs?: string,
): Promise<void> {
  const destination = threadTs ? { channel_id: channel, thread_ts: threadTs } : { channel_id: channel };
  await client.filesUploadV2({
    ...destination,
    file: Buffer.from(file.bytes),
    filename: file.filename,
    title: file.title,
    ...(file.altText ? { alt_text: file.altText } : {}),
  });
}
