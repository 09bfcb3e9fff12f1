import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventuallyValue } from '../support/eventually.js';
import type { SharedFile } from './double/file-uploads.js';
import type { MrkdwnReading } from './double/mrkdwn-reading.js';
import { SlackWorkspace, type WorkspaceOptions } from './double/slack-workspace.js';

/** One call the double received: a Web API method (`chat.update`), `response_url` or `upload_url`. */
export interface RecordedCall {
  method: string;
  /** Form or JSON parameters; `blocks`/`attachments` decoded from their JSON string. */
  params: Record<string, unknown>;
  /** The Authorization header, to check the bot token was sent. */
  authorization: string | undefined;
  at: number;
  /** The HTTP status answered: 200 (ok or a Slack refusal), 429, 404, 500. */
  status: number;
  /** What the double answered (e.g. chat.postMessage's `ts`, or `{ ok: false, error }`). */
  answer?: Record<string, unknown>;
  /** What the message's mrkdwn does once shown: live mentions, links, special mentions. */
  reading?: MrkdwnReading;
}

/** A call the double refused or that broke a samaops promise (see test/slack/double/message-rules.ts). */
export interface Violation {
  method: string;
  problems: string[];
  params: Record<string, unknown>;
}

/**
 * A fault to answer instead of the real answer: 429 with Retry-After (seconds), a bare 500, or a
 * Slack platform error (HTTP 200, `ok: false`, e.g. `channel_not_found`).
 */
export type Fault = { status: 429; retryAfter: number } | { status: 500 } | { status: 200; error: string };

/**
 * A strict DOUBLE of Slack's Web API on a loopback port (Slack cannot be reached from tests). It
 * checks every call as Slack does and answers Slack's own error shape (test/slack/double/: Block
 * Kit, message content, chat.update of an existing message only, conversations.open with users,
 * response_url at most 5 times in 30 minutes, chat.postMessage paced per channel with 429 +
 * Retry-After, the file upload flow with its upload URLs, each method's scope), records every call, and keeps every refusal and broken promise as a violation:
 * `assertNoViolations()` (in `afterEach`) fails the test that made the bot send it. A test that
 * provokes one on purpose takes it with `takeViolations()`. Faults can be queued on demand.
 * Point `SLACK_API_URL` at `apiUrl`.
 */
export class SlackApiDouble {
  readonly calls: RecordedCall[] = [];
  private readonly violations: Violation[] = [];
  private readonly workspace: SlackWorkspace;
  private readonly faults = new Map<string, Fault[]>();
  private readonly matchedFaults: {
    method: string;
    match: (params: Record<string, unknown>) => boolean;
    fault: Fault;
  }[] = [];
  private server: Server | undefined;
  private port = 0;
  private outage: Fault | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.workspace = new SlackWorkspace(options);
  }

  /** Base URL for WebClient's `slackApiUrl`, e.g. http://127.0.0.1:PORT/api/. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url (usable 5 times in 30 minutes); calls to it are recorded as `response_url` with `params.id`. */
  responseUrl(id: string): string {
    this.workspace.mintResponseUrl(id);
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The files shared so far (files.completeUploadExternal into a channel), with their bytes. */
  sharedFiles(): readonly SharedFile[] {
    return this.workspace.uploads.shared;
  }

  /** The DM channel conversations.open gives for a person. */
  dmChannelOf(userId: string): string {
    return this.workspace.dmChannelOf(userId);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    this.workspace.baseUrl = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Fails (throws) when a call was refused or broke a promise since the last check. */
  assertNoViolations(): void {
    const found = this.takeViolations();
    if (found.length === 0) return;
    const lines = found.map(
      (violation) =>
        `${violation.problems.join('\n  ')}\n  sent: ${JSON.stringify(violation.params).slice(0, 600)}`,
    );
    throw new Error(
      `the bot sent Slack ${found.length} call(s) it refuses or must not send:\n${lines.join('\n')}`,
    );
  }

  /** The violations so far, cleared: for a test that provokes one on purpose. */
  takeViolations(): Violation[] {
    return this.violations.splice(0, this.violations.length);
  }

  /** The next call(s) to `method` get this fault, once each, in order. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** The next call to `method` whose parameters `match` gets this fault, once (e.g. the second message of a thread). */
  failNextMatching(method: string, match: (params: Record<string, unknown>) => boolean, fault: Fault): void {
    this.matchedFaults.push({ method, match, fault });
  }

  /**
   * Slack is down: every call (Web API and response_url) gets `fault` until `up()`, e.g.
   * `{ status: 200, error: 'fatal_error' }` (what Slack answers in an incident) or `{ status: 500 }`.
   */
  down(fault: Fault): void {
    this.outage = fault;
  }

  /** Slack answers again. */
  up(): void {
    this.outage = undefined;
  }

  /** Recorded calls of one method (refused ones included: `status` and `answer` say how it went). */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `count` calls of `method` arrived (the tests' one polling loop, test/support/eventually.ts). */
  waitForCalls(method: string, count = 1, timeoutMs?: number): Promise<RecordedCall[]> {
    return eventuallyValue(
      `${count} ${method} call(s)`,
      () => {
        const found = this.callsOf(method);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
    );
  }

  /** Waits for the answer posted to the response_url made with `responseUrl(id)`. */
  waitForResponseTo(id: string, timeoutMs?: number): Promise<RecordedCall> {
    return eventuallyValue(
      `the answer to response_url ${id}`,
      () => this.callsOf('response_url').find((call) => call.params.id === id),
      timeoutMs,
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(request.url ?? '/', 'http://double').pathname;
    if (path.startsWith('/upload/v1/')) return this.handleUpload(path, request, body, response);
    const raw = body.toString('utf8');
    const isResponseUrl = path.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
    const params = parseBody(raw, request.headers['content-type']);
    if (isResponseUrl) params.id = path.slice('/response/'.length);
    const call: RecordedCall = {
      method,
      params,
      authorization: request.headers.authorization,
      at: performance.now(),
      status: 200,
    };
    this.calls.push(call);

    const matched = this.matchedFaults.findIndex((entry) => entry.method === method && entry.match(params));
    const fault =
      this.outage ??
      (matched >= 0 ? this.matchedFaults.splice(matched, 1)[0]?.fault : this.faults.get(method)?.shift());
    if (fault) return this.answerFault(call, fault, response);

    const answer = this.workspace.answer(method, params, call.authorization);
    call.status = answer.status;
    call.answer = answer.body;
    if (answer.verdict) call.reading = answer.verdict.reading;
    if (answer.violations.length > 0) this.violations.push({ method, problems: answer.violations, params });
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      ...(answer.retryAfter !== undefined ? { 'retry-after': String(answer.retryAfter) } : {}),
    });
    response.end(JSON.stringify(answer.body));
  }

  /** A POST of a file's bytes to the upload URL files.getUploadURLExternal gave (recorded as `upload_url`). */
  private async handleUpload(
    path: string,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    const key = path.slice('/upload/v1/'.length);
    const call: RecordedCall = {
      method: 'upload_url',
      params: { key, bytes: body.length, contentType: request.headers['content-type'] },
      authorization: request.headers.authorization,
      at: performance.now(),
      status: 200,
    };
    this.calls.push(call);
    const fault = this.faults.get('upload_url')?.shift();
    if (fault) return this.answerFault(call, fault, response);
    const answer = await this.workspace.uploads.receive(
      key,
      request.method ?? 'GET',
      body,
      request.headers['content-type'],
    );
    call.status = answer.status;
    call.answer = answer.body;
    if (answer.violations.length > 0)
      this.violations.push({ method: 'upload_url', problems: answer.violations, params: call.params });
    response.writeHead(answer.status, { 'content-type': 'text/plain' });
    response.end(String(answer.body.text ?? ''));
  }

  private answerFault(call: RecordedCall, fault: Fault, response: ServerResponse): void {
    call.status = fault.status;
    if (fault.status === 429) {
      response.writeHead(429, {
        'retry-after': String(fault.retryAfter),
        'content-type': 'application/json',
      });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (fault.status === 500) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error');
      return;
    }
    call.answer = { ok: false, error: fault.error };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(call.answer));
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  const params: Record<string, unknown> = contentType?.includes('application/json')
    ? (JSON.parse(raw) as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    const value = params[key];
    // Not JSON: left as the string it is, which Slack refuses (`invalid_blocks_format`).
    if (typeof value === 'string') params[key] = parseJson(value) ?? value;
  }
  return params;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
