import { z } from 'zod';
import type { HttpClient } from './http-client.js';

/** Where the management API is and how to log in to it; the credentials never sit in a URL. */
export interface ManagementTarget {
  /** Base URL without credentials, e.g. `http://host:15672` (a proxy's path prefix kept). */
  baseUrl: string;
  /** The AMQP URL's virtual host, `/` when it names none (as amqplib reads it). */
  vhost: string;
  /** `Basic …` header value. */
  authorization: string;
}

/** What the management API says of one queue; rates are messages per second, 0 when never sampled. */
export interface QueueStats {
  ready: number;
  unacked: number;
  consumers: number;
  publishRate: number;
  deliverRate: number;
  ackRate: number;
}

/** The management API could not be read: refused, timed out, a non-2xx status or an odd answer. */
export class ManagementApiError extends Error {
  readonly code = 'RABBITMQ_MANAGEMENT';
}

/**
 * The management API target of an inventory's RabbitMQ. Credentials come from `managementUrl`
 * when it has them, else from the AMQP URL, else guest/guest (amqplib's own default).
 */
export function managementTarget(rabbitmq: { url: string; managementUrl: string }): ManagementTarget {
  const amqp = new URL(rabbitmq.url);
  const management = new URL(rabbitmq.managementUrl);
  const from = management.username || management.password ? management : amqp;
  const user = from.username || from.password ? decodeURIComponent(from.username) : 'guest';
  const password = from.username || from.password ? decodeURIComponent(from.password) : 'guest';
  management.username = '';
  management.password = '';
  const vhost = decodeURIComponent(amqp.pathname.slice(1)) || '/';
  return {
    baseUrl: management.href.replace(/\/+$/, ''),
    vhost,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

const rate = z.object({ rate: z.number() }).optional();
const queueList = z.array(
  z.object({
    name: z.string(),
    // Absent on a queue declared since the last statistics sample: nothing counted yet.
    messages_ready: z.number().optional(),
    messages_unacknowledged: z.number().optional(),
    consumers: z.number().optional(),
    // Absent until the queue has seen a message.
    message_stats: z
      .object({ publish_details: rate, deliver_get_details: rate, ack_details: rate })
      .optional(),
  }),
);

const COLUMNS = [
  'name',
  'messages_ready',
  'messages_unacknowledged',
  'consumers',
  'message_stats.publish_details.rate',
  'message_stats.deliver_get_details.rate',
  'message_stats.ack_details.rate',
].join(',');

/**
 * `GET /api/queues/{vhost}` with only the columns the report shows (a vhost with thousands of
 * queues stays well under the 1 MiB read), bounded by `timeoutMs` and by `signal`.
 */
export async function fetchQueueStats(
  http: HttpClient,
  target: ManagementTarget,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Map<string, QueueStats>> {
  const path = `/api/queues/${encodeURIComponent(target.vhost)}`;
  const timeout = AbortSignal.timeout(timeoutMs);
  let answer: Awaited<ReturnType<HttpClient['get']>>;
  try {
    answer = await http.get(`${target.baseUrl}${path}?columns=${COLUMNS}`, {
      signal: AbortSignal.any([signal, timeout]),
      headers: { authorization: target.authorization, accept: 'application/json' },
      maxBytes: 1024 * 1024,
    });
  } catch (error) {
    if (timeout.aborted && !signal.aborted)
      throw new ManagementApiError(`management API did not answer within ${timeoutMs} ms`);
    throw error;
  }
  if (answer.status < 200 || answer.status >= 300)
    throw new ManagementApiError(`management API answered HTTP ${answer.status} to GET ${path}`);
  let parsed: z.infer<typeof queueList>;
  try {
    parsed = queueList.parse(JSON.parse(answer.body));
  } catch {
    throw new ManagementApiError(
      `management API answered GET ${path} with something other than a queue list`,
    );
  }
  return new Map(
    parsed.map((queue) => [
      queue.name,
      {
        ready: queue.messages_ready ?? 0,
        unacked: queue.messages_unacknowledged ?? 0,
        consumers: queue.consumers ?? 0,
        publishRate: queue.message_stats?.publish_details?.rate ?? 0,
        deliverRate: queue.message_stats?.deliver_get_details?.rate ?? 0,
        ackRate: queue.message_stats?.ack_details?.rate ?? 0,
      },
    ]),
  );
}
