import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { parseInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { type Logger, silentLogger } from '../../src/logging/logger.js';
import { LAB_INVENTORY } from '../lab/lab-topology.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { SignedRequestClient } from './signed-request-client.js';
import type { SlackApiDouble } from './slack-api-double.js';

/** The whole bot in HTTP mode for an end-to-end test, and how to reach and stop it. */
export interface HttpTestBot {
  bot: RunningBot;
  /** Speaks Slack's signed HTTP protocol to the bot's /slack/events. */
  slack: SignedRequestClient;
  signingSecret: string;
  scratch: ScratchDatabase;
  /** Stops the bot, drops its database and its queues (the double and the lab are the caller's). */
  stop(): Promise<void>;
}

/**
 * Starts the bot in HTTP mode on a loopback port: its own scratch database, the machine's Redis
 * under a queue namespace of its own, Slack's Web API being `double`.
 */
export async function startHttpTestBot(options: {
  double: SlackApiDouble;
  inventory: Inventory;
  logger?: Logger;
}): Promise<HttpTestBot> {
  const scratch = await createScratchDatabase();
  const namespace = testQueueNamespace();
  const signingSecret = `secret-${randomUUID()}`;
  const bot = await startBot({
    mode: {
      kind: 'http',
      botToken: `xoxb-${randomUUID()}`,
      signingSecret,
      apiUrl: options.double.apiUrl,
      port: 0,
    },
    inventory: options.inventory,
    env: {
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
    },
    logger: options.logger ?? silentLogger(),
    host: '127.0.0.1',
  });
  return {
    bot,
    slack: new SignedRequestClient(`http://127.0.0.1:${bot.port}/slack/events`),
    signingSecret,
    scratch,
    async stop() {
      await bot.stop({ graceMs: 2000 });
      await scratch.drop();
      await obliterateBotQueues(namespace);
    },
  };
}

/** The lab's inventory (config of test/lab/) with a team and the bot's channel, and any other overrides. */
export function labInventoryWith(overrides: Record<string, unknown>): Inventory {
  const text = stringify({
    ...(parse(readFileSync(LAB_INVENTORY, 'utf8')) as Record<string, unknown>),
    ...overrides,
  });
  return parseInventory(text, LAB_INVENTORY);
}
