import { judgeMessage } from './message-rules.js';
import { named, ok, refusal, type WorkspaceAnswer } from './slack-answers.js';

/**
 * Slack's file upload flow (`files.upload` is retired), as the double takes it
 * (https://docs.slack.dev/reference/methods/files.getUploadURLExternal,
 * …/files.completeUploadExternal):
 * 1. files.getUploadURLExternal: `filename` and `length` required (`invalid_arguments`); a length
 *    of 0 is `missing_argument` (the page's words: "typically only occurs when the length
 *    provided is 0"); `alt_txt` over 1,000 characters is `alt_txt_too_large` (the page names it
 *    `alt_txt`; Slack's Node SDK, whose filesUploadV2 samaops calls, sends `alt_text`: the double
 *    reads either). Answers an `upload_url` and a `file_id`.
 * 2. A POST of the bytes to the upload URL, raw or multipart form encoded; 200 when it worked,
 *    "a non-200 response indicates a failure". The double refuses (and fails the test on) a body
 *    whose size differs from the announced `length` (400), an unknown URL (404), and a second
 *    upload to a URL already used (404): one URL, one file.
 * 3. files.completeUploadExternal: `files` required, a JSON array of `{id, title?}`
 *    (`invalid_arguments`); an id Slack never gave, or whose bytes never arrived, or already
 *    completed ("this method can only be called once") is `file_not_found`; `channel_id` must
 *    exist (`channel_not_found`); `thread_ts` needs a `channel_id` (`invalid_arguments`).
 *    samaops promises on top: the file is shared in a channel (without `channel_id` it stays
 *    private: nobody sees it), in a thread that exists, and `initial_comment` follows the rules
 *    of message text (no `<!channel>`).
 */

/** A file the double received and shared: what a test reads back. */
export interface SharedFile {
  id: string;
  filename: string;
  title: string | undefined;
  altText: string | undefined;
  bytes: Buffer;
  channel: string;
  threadTs: string | undefined;
}

interface PendingUpload {
  id: string;
  key: string;
  filename: string;
  length: number;
  altText: string | undefined;
  bytes: Buffer | undefined;
  completed: boolean;
}

/** Where the double keeps uploads, and what it needs to know about channels and messages. */
export interface UploadContext {
  channelExists(channel: string): boolean;
  messageExists(channel: string, ts: string): boolean;
  /** `http://127.0.0.1:PORT`: the upload URLs point there. */
  baseUrl(): string;
}

export class FileUploads {
  readonly shared: SharedFile[] = [];
  private readonly pending = new Map<string, PendingUpload>();
  private next = 0;

  constructor(private readonly context: UploadContext) {}

  getUploadUrl(params: Record<string, unknown>): WorkspaceAnswer {
    const method = 'files.getUploadURLExternal';
    const filename = typeof params.filename === 'string' ? params.filename : '';
    const length = Number(params.length);
    if (filename === '') return refusal(method, 'invalid_arguments', ['missing required field: filename']);
    if (params.length === undefined || !Number.isInteger(length) || length < 0)
      return refusal(method, 'invalid_arguments', ['missing or invalid field: length']);
    if (length === 0) return refusal(method, 'missing_argument');
    const alt = params.alt_txt ?? params.alt_text;
    const altText = typeof alt === 'string' ? alt : undefined;
    if (altText !== undefined && altText.length > 1000) return refusal(method, 'alt_txt_too_large');
    this.next += 1;
    const id = `F0DOUBLE${String(this.next).padStart(4, '0')}`;
    const key = `${id}-${Math.random().toString(36).slice(2, 10)}`;
    this.pending.set(id, { id, key, filename, length, altText, bytes: undefined, completed: false });
    return ok({ upload_url: `${this.context.baseUrl()}/upload/v1/${key}`, file_id: id });
  }

  /** The POST to an upload URL: its status and text, and what it broke. */
  async receive(
    key: string,
    method: string,
    body: Buffer,
    contentType: string | undefined,
  ): Promise<WorkspaceAnswer> {
    const upload = [...this.pending.values()].find((each) => each.key === key);
    const failed = (status: number, text: string): WorkspaceAnswer => ({
      status,
      body: { text },
      violations: [`upload_url: ${text}`],
    });
    if (method !== 'POST') return failed(405, `method ${method} not allowed`);
    if (!upload) return failed(404, 'unknown upload URL');
    if (upload.bytes !== undefined) return failed(404, 'upload URL already used');
    const bytes = contentType?.startsWith('multipart/form-data') ? await filePart(body, contentType) : body;
    if (!bytes) return failed(400, 'multipart body without a file');
    if (bytes.length !== upload.length)
      return failed(400, `${bytes.length} bytes sent, ${upload.length} announced (length)`);
    upload.bytes = bytes;
    return { status: 200, body: { text: `OK - ${bytes.length}` }, violations: [] };
  }

  complete(params: Record<string, unknown>): WorkspaceAnswer {
    const method = 'files.completeUploadExternal';
    const files = parseFiles(params.files);
    if (!files)
      return refusal(method, 'invalid_arguments', ['files must be a JSON array of {"id", "title"}']);
    const uploads = files.map((file) => this.pending.get(file.id));
    if (uploads.some((upload) => !upload || upload.bytes === undefined || upload.completed))
      return refusal(method, 'file_not_found');
    const channel = typeof params.channel_id === 'string' ? params.channel_id : undefined;
    const threadTs = typeof params.thread_ts === 'string' ? params.thread_ts : undefined;
    if (channel !== undefined && !this.context.channelExists(channel))
      return refusal(method, 'channel_not_found');
    if (threadTs !== undefined && channel === undefined)
      return refusal(method, 'invalid_arguments', ['thread_ts needs a channel_id']);
    const violations: string[] = [];
    if (channel === undefined) violations.push('no channel_id: the file stays private, nobody sees it');
    if (channel !== undefined && threadTs !== undefined && !this.context.messageExists(channel, threadTs))
      violations.push(`thread_ts ${threadTs} is no message of ${channel}`);
    if (typeof params.initial_comment === 'string')
      violations.push(...judgeMessage({ text: params.initial_comment }).violations);
    for (const [index, upload] of uploads.entries()) {
      if (!upload?.bytes) continue;
      upload.completed = true;
      if (channel !== undefined)
        this.shared.push({
          id: upload.id,
          filename: upload.filename,
          title: files[index]?.title,
          altText: upload.altText,
          bytes: upload.bytes,
          channel,
          threadTs,
        });
    }
    return ok(
      { files: files.map((file, index) => ({ id: file.id, title: file.title ?? uploads[index]?.filename })) },
      named(method, violations),
    );
  }
}

/** `files` as Slack reads it: a JSON array (form-encoded) or an array (JSON body) of `{id, title?}`. */
function parseFiles(value: unknown): { id: string; title?: string }[] | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
  const files = parsed.map((file: unknown) => {
    const entry = file as { id?: unknown; title?: unknown };
    return typeof entry?.id === 'string'
      ? { id: entry.id, ...(typeof entry.title === 'string' ? { title: entry.title } : {}) }
      : undefined;
  });
  return files.every((file) => file !== undefined) ? (files as { id: string; title?: string }[]) : undefined;
}

/** The first part of a multipart body that carries a file (a filename), read with the platform's own parser. */
async function filePart(body: Buffer, contentType: string): Promise<Buffer | undefined> {
  try {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    for (const value of form.values())
      if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
    return undefined;
  } catch {
    return undefined;
  }
}
