import type { Inventory } from '../config/schema.js';
import type { AckLinkFor } from '../core/escalation/ack-link-token.js';
import { inventoryAccessPolicy } from '../handlers/access-policy.js';
import type { Logger } from '../logging/logger.js';
import type { BotMetrics } from '../observability/metrics.js';
import { createSlackBot } from '../slack/create-slack-app.js';
import type { SlackMode } from '../slack/slack-mode.js';
import { composeBot } from './compose-bot.js';

/** A started bot: its HTTP port (events in HTTP mode; health and metrics in both) and its stop. */
export interface RunningBot {
  mode: 'socket' | 'http';
  port: number;
  metrics: BotMetrics;
  /** The ack-link port of this bot (`ComposedBot.ackLinkFor`). */
  ackLinkFor: AckLinkFor;
  /** Stops taking requests, lets running work finish (bounded), closes every client. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Starts the bot in Slack: the graph from `composeBot`, and the Bolt app for the mode, which
 * serves the graph's routes and hands its client to the features that post on their own.
 */
export async function startBot(options: {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  inventory: Inventory;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Interface to bind. Default all interfaces. */
  host?: string;
}): Promise<RunningBot> {
  const { inventory, logger, mode } = options;
  const composed = await composeBot({ inventory, logger, surface: 'slack' }, options.env);
  const bot = createSlackBot(mode, {
    services: { ...composed.services, access: inventoryAccessPolicy(inventory) },
    routes: composed.routes,
    logger,
    ...(options.host ? { host: options.host } : {}),
  });
  composed.attachSlack(bot.app.client);
  let port: number;
  try {
    ({ port } = await bot.start());
  } catch (error) {
    // A half-started receiver (Socket Mode's HTTP server for /health) must not keep the process up.
    await bot.stop().catch(() => undefined);
    await composed.close();
    throw error;
  }
  logger.info(
    { mode: mode.kind, port, channels: inventory.slack.channels, team: inventory.team.length },
    'samaops started',
  );
  return {
    mode: bot.mode,
    port,
    metrics: composed.services.metrics,
    ackLinkFor: composed.ackLinkFor,
    async stop({ graceMs = 5000 } = {}) {
      await bot.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'bolt stop failed'));
      await bot.inFlight.drain(graceMs);
      // Work still running past the grace period is told to stop; its checks abort.
      composed.abort();
      await composed.close();
    },
  };
}
