import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the double received: a Web API method (`chat.update`) or `response_url`. */
export interface RecordedCall {
  method: string;
  /** Form or JSON parameters; `blocks`/`attachments` decoded from their JSON string. */
  params: Record<string, unknown>;
  /** The Authorization header, to check the bot token was sent. */
  authorization: string | undefined;
  at: number;
  /** What the double answered with HTTP 200 (e.g. chat.postMessage's `ts`); absent for faults. */
  answer?: Record<string, unknown>;
}

/**
 * A fault to answer instead of success: 429 with Retry-After (seconds), a bare 500, or a Slack
 * platform error (HTTP 200, `ok: false`, e.g. `channel_not_found`).
 */
export type Fault = { status: 429; retryAfter: number } | { status: 500 } | { status: 200; error: string };

/**
 * A DOUBLE of Slack's Web API on a loopback port (Slack cannot be reached from tests): answers
 * the methods samaops uses, records every call, serves `response_url`s under /response/, and
 * answers a queued fault for a method on demand. Point `SLACK_API_URL` at `apiUrl`.
 */
export class SlackApiDouble {
  readonly calls: RecordedCall[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly matchedFaults: {
    method: string;
    match: (params: Record<string, unknown>) => boolean;
    fault: Fault;
  }[] = [];
  private server: Server | undefined;
  private port = 0;
  private nextTs = 1_700_000_000;

  /** Base URL for WebClient's `slackApiUrl`, e.g. http://127.0.0.1:PORT/api/. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url; calls to it are recorded as method `response_url` with `params.id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next call(s) to `method` get this fault, once each, in order. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** The next call to `method` whose parameters `match` gets this fault, once (e.g. the second message of a thread). */
  failNextMatching(method: string, match: (params: Record<string, unknown>) => boolean, fault: Fault): void {
    this.matchedFaults.push({ method, match, fault });
  }

  /** Recorded calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `count` calls of `method` arrived (polling with a deadline, not a fixed sleep). */
  async waitForCalls(method: string, count = 1, timeoutMs = 10_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.callsOf(method);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(
      `timed out waiting for ${count} ${method} call(s); got: ${this.calls.map((c) => c.method).join(', ')}`,
    );
  }

  /** Waits for the answer posted to the response_url made with `responseUrl(id)`. */
  async waitForResponseTo(id: string, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.callsOf('response_url').find((call) => call.params.id === id);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for the answer to response_url ${id}`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://double').pathname;
    const isResponseUrl = path.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
    const params = parseBody(raw, request.headers['content-type']);
    if (isResponseUrl) params.id = path.slice('/response/'.length);
    const call: RecordedCall = {
      method,
      params,
      authorization: request.headers.authorization,
      at: performance.now(),
    };
    this.calls.push(call);

    const matched = this.matchedFaults.findIndex((entry) => entry.method === method && entry.match(params));
    const fault =
      matched >= 0 ? this.matchedFaults.splice(matched, 1)[0]?.fault : this.faults.get(method)?.shift();
    if (fault?.status === 429) {
      response.writeHead(429, {
        'retry-after': String(fault.retryAfter),
        'content-type': 'application/json',
      });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (fault?.status === 500) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    const answer = fault?.status === 200 ? { ok: false, error: fault.error } : this.answer(method, params);
    call.answer = answer;
    response.end(JSON.stringify(answer));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof params.channel === 'string' ? params.channel : 'C0DOUBLE';
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://double.slack.test/',
          team: 'Double',
          team_id: 'T0DOUBLE',
          user: 'samaops',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage':
        this.nextTs += 1;
        return {
          ok: true,
          channel,
          ts: `${this.nextTs}.000100`,
          // A reply posted in a thread says so, as Slack's own answer does.
          message: { text: params.text, ...(params.thread_ts ? { thread_ts: params.thread_ts } : {}) },
        };
      case 'chat.update':
        return { ok: true, channel, ts: params.ts, text: params.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: 'D0DOUBLE' } };
      case 'users.info':
        return {
          ok: true,
          user: { id: params.user, name: 'double', real_name: 'Double User', tz: 'Africa/Dakar' },
        };
      case 'apps.connections.open':
        // No WebSocket server here: Socket Mode gets as far as asking for one, and is refused.
        return { ok: false, error: 'invalid_auth' };
      case 'response_url':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  const params: Record<string, unknown> = contentType?.includes('application/json')
    ? (JSON.parse(raw) as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    const value = params[key];
    if (typeof value === 'string') params[key] = JSON.parse(value) as unknown;
  }
  return params;
}
