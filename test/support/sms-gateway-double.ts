import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventuallyValue } from './eventually.js';

/** One SMS the double took: the number, the text, and when it arrived (performance.now()). */
export interface ReceivedSms {
  to: string;
  text: string;
  at: number;
  wallClock: number;
}

/** A request the double refused, with the status and the answer a real gateway gives. */
export interface RefusedRequest {
  status: number;
  answer: Record<string, unknown>;
}

/**
 * A strict DOUBLE of an SMS gateway (none can be reached from tests), speaking Orange's SMS API
 * (`POST /smsmessaging/v1/outbound/{sender}/requests`, a bearer token, a JSON
 * `outboundSMSMessageRequest`): a missing or wrong token gets 401 `{code: 42, message: 'Invalid
 * credentials'}`; a body that is not JSON, not `application/json`, or lacks a `tel:+…` address
 * or a non-empty message gets 400 with the API's `requestError.serviceException` (`SVC0002`,
 * naming the part); a good one gets 201 with `resourceURL`. Every request is recorded, taken or
 * refused. `refuseAll(503)` makes it answer 503 to everything (the gateway down).
 */
export class SmsGatewayDouble {
  readonly received: ReceivedSms[] = [];
  readonly refused: RefusedRequest[] = [];
  private server: Server | undefined;
  private port = 0;
  private down: number | undefined;
  private nextId = 0;

  constructor(
    readonly token: string,
    readonly sender = '+221330000000',
  ) {}

  /** The endpoint to put in `notifications.sms.url`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/smsmessaging/v1/outbound/${encodeURIComponent(`tel:${this.sender}`)}/requests`;
  }

  /** The `notifications.sms` section that talks to this double, the token from `${tokenVariable}`. */
  inventorySection(tokenVariable: string): Record<string, unknown> {
    return {
      url: this.url,
      headers: { Authorization: `Bearer \${${tokenVariable}}` },
      format: 'json',
      body: {
        outboundSMSMessageRequest: {
          address: 'tel:{to}',
          senderAddress: `tel:${this.sender}`,
          outboundSMSTextMessage: { message: '{text}' },
        },
      },
    };
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

  /** Every request gets `status` until `accept()` (503: the gateway down). */
  refuseAll(status: number): void {
    this.down = status;
  }

  accept(): void {
    this.down = undefined;
  }

  /** SMS received for `to`. */
  to(number: string): ReceivedSms[] {
    return this.received.filter((sms) => sms.to === number);
  }

  /** Waits until `count` SMS reached `to`. */
  waitFor(number: string, count = 1, timeoutMs?: number): Promise<ReceivedSms[]> {
    return eventuallyValue(
      `${count} SMS to ${number}`,
      () => {
        const found = this.to(number);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const answer = (status: number, body: Record<string, unknown>) => {
      if (status >= 400) this.refused.push({ status, answer: body });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (this.down !== undefined) return answer(this.down, { message: 'Service Unavailable' });
    if (
      request.method !== 'POST' ||
      new URL(request.url ?? '/', 'http://x').pathname !== new URL(this.url).pathname
    )
      return answer(404, { code: 1, message: 'Resource not found' });
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return answer(401, { code: 42, message: 'Invalid credentials' });
    if (!request.headers['content-type']?.startsWith('application/json'))
      return answer(400, serviceException('SVC0001', 'Content-Type must be application/json'));
    const parsed = parseJson(raw);
    const message = (parsed as { outboundSMSMessageRequest?: Record<string, unknown> } | undefined)
      ?.outboundSMSMessageRequest;
    if (!message) return answer(400, serviceException('SVC0002', 'outboundSMSMessageRequest'));
    const address = message.address;
    const text = (message.outboundSMSTextMessage as { message?: unknown } | undefined)?.message;
    if (typeof address !== 'string' || !/^tel:\+[1-9]\d{6,14}$/.test(address))
      return answer(400, serviceException('SVC0002', 'address'));
    if (message.senderAddress !== `tel:${this.sender}`)
      return answer(400, serviceException('SVC0002', 'senderAddress'));
    if (typeof text !== 'string' || text.length === 0)
      return answer(400, serviceException('SVC0002', 'message'));
    this.received.push({
      to: address.slice('tel:'.length),
      text,
      at: performance.now(),
      wallClock: Date.now(),
    });
    this.nextId += 1;
    answer(201, {
      outboundSMSMessageRequest: {
        ...message,
        resourceURL: `${this.url}/${this.nextId}`,
      },
    });
  }
}

/** Orange's 400 answer naming the part at fault. */
function serviceException(messageId: string, part: string): Record<string, unknown> {
  return {
    requestError: {
      serviceException: { messageId, text: 'Invalid input value for message part %1', variables: [part] },
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
