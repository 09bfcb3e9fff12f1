import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { errorReason } from '../../logging/error-reason.js';
import type { Logger } from '../../logging/logger.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { settlesWithin } from '../../platform/settles-within.js';
import { markAlert, withAlertLock } from '../../store/incidents/alert-marks.js';
import { findOpenByDedupKey } from '../../store/incidents/incident-queries.js';
import type { EscalationService } from '../escalation-service.js';
import { raiseLevel } from '../raise-level.js';
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

/** A running intake: its routes for the bot's HTTP server, and how to stop its worker. */
export interface RunningIntake {
  routes: CustomRoute[];
  queueName: string;
  close(graceMs?: number): Promise<void>;
}

/** Who the intake acts as in timelines. */
const INTAKE_ACTOR = 'samaops';
/** A webhook body larger than this is refused (Alertmanager groups stay far below). */
const MAX_BODY_BYTES = 1 << 20;

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

/**
 * Starts the alert intake: the endpoints only authenticate, validate and enqueue (one BullMQ job
 * per alert), so they answer in milliseconds whatever the storm; a worker opens, joins (and
 * raises) or resolves the incident of each alert, keyed `alert:<fingerprint>`.
 */
export function startIntake(options: {
  redisUrl: string;
  queueName: string;
  policy: IntakePolicy;
  service: Pick<EscalationService, 'open' | 'act' | 'note'>;
  /** The bot's database (to find the incident a resolved alert ends). */
  pool: pg.Pool;
  logger: Logger;
  /**
   * Worker concurrency. Default 4: each job holds a connection for its fingerprint's lock and needs
   * another to act, so 4 jobs keep at most 8 of the bot pool's 10 connections.
   */
  concurrency?: number;
  /** How long the endpoint waits for Redis to take the alerts before answering 503. Default 2000. */
  queueTimeoutMs?: number;
}): RunningIntake {
  const { policy, service, logger } = options;
  const queueTimeoutMs = options.queueTimeoutMs ?? 2000;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'intake redis error'));
  const queue = new Queue<AlertJob>(options.queueName, { connection: redis });

  const handleAlert = (job: AlertJob) => withAlertLock(options.pool, job.dedupKey, () => actOnAlert(job));
  const actOnAlert = async (job: AlertJob) => {
    // Jobs run concurrently and are retried: one older than the newest webhook of its fingerprint
    // acted on is stale (a firing retried after its resolved must not reopen).
    if (!(await markAlert(options.pool, job.dedupKey, job.status, job.receivedAt))) return;
    if (job.status === 'firing') {
      const opened = await service.open({
        dedupKey: job.dedupKey,
        title: job.title,
        source: job.source,
        level: job.level,
        by: INTAKE_ACTOR,
      });
      if (opened.kind === 'joined') {
        await raiseLevel(service, opened.incident.id, opened.incident.state.level, job.level, INTAKE_ACTOR);
      }
      return;
    }
    // Resolved: the open incident of this fingerprint, if any, is proposed for closing (or closed).
    const open = await findOpenByDedupKey(options.pool, job.dedupKey);
    if (!open) return;
    const id = open.id;
    await service.note(id, (level) => [
      {
        type: 'recovered',
        level,
        checks: job.title,
        healthyMs: Math.max(0, Date.now() - (job.endedAt ?? Date.now())),
        ...(policy.autoResolve ? { autoResolve: true } : {}),
      },
    ]);
    if (policy.autoResolve) await service.act(id, { kind: 'resolve', by: INTAKE_ACTOR });
  };

  const worker = new Worker<AlertJob>(options.queueName, (job: Job<AlertJob>) => handleAlert(job.data), {
    connection: redis,
    concurrency: options.concurrency ?? 4,
    lockDuration: 10_000,
    stalledInterval: 5_000,
  });
  worker.on('failed', (job, error) =>
    logger.warn({ job: job?.id, attempts: job?.attemptsMade, err: errorReason(error) }, 'alert job failed'),
  );
  worker.on('error', (error) => logger.warn({ err: errorReason(error) }, 'intake worker error'));

  const handler = (source: string) => (request: IncomingMessage, response: ServerResponse) => {
    if (!authorizeSender(request.headers.authorization, policy)) {
      // Logged without the body (it may carry anything); the body is not even read.
      logger.warn({ path: request.url, from: request.socket.remoteAddress }, 'alert intake: unauthenticated');
      request.resume();
      json(response, 401, { error: 'unauthenticated' });
      return;
    }
    void (async () => {
      const text = await readBody(request);
      if (text === null) return json(response, 413, { error: 'payload too large' });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return json(response, 400, { error: 'malformed', reason: 'body is not JSON' });
      }
      const parsed = alertWebhookSchema.safeParse(body);
      if (!parsed.success) {
        return json(response, 400, { error: 'malformed', reason: payloadProblem(parsed.error) });
      }
      const jobs = alertJobs(parsed.data, policy, source, Date.now());
      const queued = queue.addBulk(
        jobs.map((job) => ({
          name: job.status,
          data: job,
          opts: {
            attempts: 20,
            backoff: { type: 'exponential' as const, delay: 200 },
            removeOnComplete: true,
            removeOnFail: 10_000,
          },
        })),
      );
      // Redis down: BullMQ's client would wait for it; answer 503 so that the sender retries.
      if (!(await settlesWithin(queued, queueTimeoutMs))) {
        logger.error({ queue: options.queueName }, 'alert intake: Redis did not take the alerts in time');
        return json(response, 503, { error: 'unavailable' });
      }
      json(response, 202, { queued: jobs.length });
    })().catch((error: unknown) => {
      logger.error({ err: errorReason(error) }, 'alert intake: could not queue');
      json(response, 503, { error: 'unavailable' });
    });
  };

  return {
    queueName: options.queueName,
    routes: [
      { path: INTAKE_PATHS.alertmanager, method: ['POST'], handler: handler('alertmanager') },
      { path: INTAKE_PATHS.grafana, method: ['POST'], handler: handler('grafana') },
    ],
    async close(graceMs = 1500) {
      // Bounded at every step: with Redis gone, BullMQ's closes would wait for it.
      if (!(await settlesWithin(worker.close(), graceMs))) {
        redis.disconnect();
        await settlesWithin(worker.close(true), graceMs);
      }
      await settlesWithin(queue.close(), graceMs);
      redis.disconnect();
    },
  };
}
