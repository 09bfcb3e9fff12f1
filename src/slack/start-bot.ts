import { setMaxListeners } from 'node:events';
import type { webApi } from '@slack/bolt';
import type { Inventory } from '../config/schema.js';
import { startBotIntake } from '../escalation/intake/wire-intake.js';
import { startEscalation } from '../escalation/start-escalation.js';
import { diagnosisHook, startBotWatch } from '../escalation/watch/wire-watch.js';
import { inventoryAccessPolicy } from '../handlers/access-policy.js';
import type { HandlerServices } from '../handlers/handler-context.js';
import type { Logger } from '../logging/logger.js';
import { healthRoutes } from '../observability/health-routes.js';
import { type BotMetrics, createMetrics } from '../observability/metrics.js';
import { createReadinessProbe } from '../observability/readiness.js';
import { createPlatformClients } from '../platform/platform-clients.js';
import { startExpirySweeper } from '../playbooks/guard/expiry-sweeper.js';
import { guardContextOf } from '../playbooks/guard/guard-context-of.js';
import { shareDiagnoses } from '../playbooks/shared-diagnoses.js';
import { renderForSlack } from '../render/render-for-slack.js';
import { startReports } from '../reports/start-reports.js';
import { openBotStore } from '../store/open-bot-store.js';
import { createSlackBot } from './create-slack-app.js';
import type { SlackMode } from './slack-mode.js';

/** A started bot: its HTTP port (events in HTTP mode; health and metrics in both) and its stop. */
export interface RunningBot {
  mode: 'socket' | 'http';
  port: number;
  metrics: BotMetrics;
  /** Stops taking requests, lets running work finish (bounded), closes every client. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Wires a Slack bot: the watched platform's clients, the bot's own readiness probe (DATABASE_URL,
 * REDIS_URL), metrics, and the Bolt app for the mode; then starts it.
 */
export async function startBot(options: {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  inventory: Inventory;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Interface to bind. Default all interfaces. */
  host?: string;
}): Promise<RunningBot> {
  const { inventory, logger, env, mode } = options;
  // The store first: a database it must refuse (schema newer than the code) stops the start
  // before any client is open.
  const store = await openBotStore(env.DATABASE_URL, logger);
  const clients = createPlatformClients(inventory, logger);
  const metrics = createMetrics();
  const readiness = createReadinessProbe({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL }, logger);
  const shutdown = new AbortController();
  // Every running check listens to this one signal: many concurrent diagnoses exceed the default 10.
  setMaxListeners(0, shutdown.signal);
  // The outbound worker needs the Bolt app's client, which exists once the app is built below.
  let slackClient: webApi.WebClient | undefined;
  const escalation = startEscalation({
    redisUrl: env.REDIS_URL,
    queueNamespace: env.SAMAOPS_QUEUE_NAMESPACE,
    pool: store.pool,
    inventory,
    logger,
    slackClient: () => slackClient,
  });
  const diagnoses = shareDiagnoses(
    { inventory, clients },
    shutdown.signal,
    escalation ? diagnosisHook(escalation.service, inventory, logger) : undefined,
  );
  const intake = escalation
    ? startBotIntake({
        redisUrl: env.REDIS_URL,
        queueNamespace: env.SAMAOPS_QUEUE_NAMESPACE,
        pool: store.pool,
        inventory,
        service: escalation.service,
        logger,
      })
    : undefined;
  const services: HandlerServices = {
    inventory,
    clients,
    logger,
    metrics,
    access: inventoryAccessPolicy(inventory),
    diagnoses,
    store,
    ...(escalation ? { escalation: escalation.service } : {}),
    signal: shutdown.signal,
  };
  const bot = createSlackBot(mode, {
    services,
    routes: [...healthRoutes(metrics, readiness), ...(intake?.routes ?? [])],
    logger,
    ...(options.host ? { host: options.host } : {}),
  });
  slackClient = bot.app.client;
  const client = bot.app.client;
  const sweeper = store.pool
    ? startExpirySweeper({
        context: guardContextOf(services),
        update: async (ref, message) => {
          await client.chat.update({ ...ref, ...renderForSlack(message, inventory.locale) });
        },
      })
    : undefined;
  const watch = escalation
    ? startBotWatch({
        redisUrl: env.REDIS_URL,
        queueNamespace: env.SAMAOPS_QUEUE_NAMESPACE,
        pool: store.pool,
        service: escalation.service,
        inventory,
        diagnoses,
        logger,
      })
    : undefined;
  const reports = startReports({
    redisUrl: env.REDIS_URL,
    queueNamespace: env.SAMAOPS_QUEUE_NAMESPACE,
    pool: store.pool,
    inventory,
    clients,
    logger,
    slackClient: () => slackClient,
  });
  const closeClients = async () => {
    await sweeper?.close();
    await watch?.close().catch(() => undefined);
    await intake?.close().catch(() => undefined);
    await reports?.close().catch(() => undefined);
    // Escalation workers first: their running jobs still use the store's pool.
    await escalation?.close().catch(() => undefined);
    await Promise.allSettled([clients.close(), readiness.close(), store.close()]);
  };
  let port: number;
  try {
    ({ port } = await bot.start());
  } catch (error) {
    // A half-started receiver (Socket Mode's HTTP server for /health) must not keep the process up.
    await bot.stop().catch(() => undefined);
    await closeClients();
    throw error;
  }
  logger.info(
    { mode: mode.kind, port, channels: inventory.slack.channels, team: inventory.team.length },
    'samaops started',
  );
  return {
    mode: bot.mode,
    port,
    metrics,
    async stop({ graceMs = 5000 } = {}) {
      await bot.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'bolt stop failed'));
      await bot.inFlight.drain(graceMs);
      // Work still running past the grace period is told to stop; its checks abort.
      shutdown.abort(new Error('shutdown'));
      await closeClients();
    },
  };
}
