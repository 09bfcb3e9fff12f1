import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Queue } from 'bullmq';
import { settlesWithin } from '../../lifecycle/settles-within.js';
import { errorReason } from '../../logging/error-reason.js';
import type { Logger } from '../../logging/logger.js';
import {
  type AlertJob,
  alertJobs,
  alertWebhookSchema,
  type IntakePolicy,
  payloadProblem,
} from './alert-payload.js';
import { authorizeSender } from './authorize-sender.js';

/** The alert endpoints: Alertmanager's webhook, and Grafana alerting's. */
export const INTAKE_PATHS = { alertmanager: '/alerts/alertmanager', grafana: '/alerts/grafana' } as const;

/** A webhook body larger than this is refused (Alertmanager groups stay far below). */
const MAX_BODY_BYTES = 1 << 20;

const JOB_OPTIONS = {
  attempts: 20,
  backoff: { type: 'exponential' as const, delay: 200 },
  removeOnComplete: true,
  removeOnFail: 10_000,
};

function json(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** What the endpoints need: the queue they feed, the policy that authenticates, and a bound. */
export interface IntakeRouteOptions {
  queue: Queue<AlertJob>;
  policy: IntakePolicy;
  logger: Logger;
  /** How long the endpoint waits for Redis to take the alerts before answering 503. */
  queueTimeoutMs: number;
  /** Counts the alerts of each valid webhook (`samaops_alerts_received_total`). */
  countAlerts?: (source: IntakeSource, count: number) => void;
}

/** Who sends alerts: one endpoint each. */
export type IntakeSource = keyof typeof INTAKE_PATHS;

/**
 * The alert endpoints: they only authenticate, validate and enqueue (one job per alert), so they
 * answer in milliseconds whatever the storm.
 */
export function intakeRoutes(options: IntakeRouteOptions): CustomRoute[] {
  const handler = (source: IntakeSource) => (request: IncomingMessage, response: ServerResponse) => {
    if (!authorizeSender(request.headers.authorization, options.policy)) {
      // Logged without the body (it may carry anything); the body is not even read.
      options.logger.warn(
        { path: request.url, from: request.socket.remoteAddress },
        'alert intake: unauthenticated',
      );
      request.resume();
      json(response, 401, { error: 'unauthenticated' });
      return;
    }
    enqueueWebhook(options, source, request, response).catch((error: unknown) => {
      options.logger.error({ err: errorReason(error) }, 'alert intake: could not queue');
      json(response, 503, { error: 'unavailable' });
    });
  };
  return [
    { path: INTAKE_PATHS.alertmanager, method: ['POST'], handler: handler('alertmanager') },
    { path: INTAKE_PATHS.grafana, method: ['POST'], handler: handler('grafana') },
  ];
}

async function enqueueWebhook(
  options: IntakeRouteOptions,
  source: IntakeSource,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const text = await readBody(request);
  if (text === null) return json(response, 413, { error: 'payload too large' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(response, 400, { error: 'malformed', reason: 'body is not JSON' });
  }
  const parsed = alertWebhookSchema.safeParse(body);
  if (!parsed.success)
    return json(response, 400, { error: 'malformed', reason: payloadProblem(parsed.error) });
  const jobs = alertJobs(parsed.data, options.policy, source, Date.now());
  options.countAlerts?.(source, jobs.length);
  const queued = options.queue.addBulk(
    jobs.map((job) => ({ name: job.status, data: job, opts: JOB_OPTIONS })),
  );
  // Redis down: BullMQ's client would wait for it; answer 503 so that the sender retries.
  if (!(await settlesWithin(queued, options.queueTimeoutMs))) {
    options.logger.error(
      { queue: options.queue.name },
      'alert intake: Redis did not take the alerts in time',
    );
    return json(response, 503, { error: 'unavailable' });
  }
  json(response, 202, { queued: jobs.length });
}
