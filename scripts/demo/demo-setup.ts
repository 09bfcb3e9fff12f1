import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { produceReport } from '../../src/reports/produce-report.js';
import { activeFaults, healFault } from '../../test/lab/faults/lab-faults.js';
import { labDown, labUp } from '../../test/lab/lab.js';
import { labIsUp } from '../../test/lab/lab-session.js';
import { obliterateBotQueues } from '../../test/support/bot-queues.js';
import { ensureDebianPackages } from '../../test/support/debian-packages.js';
import { createScratchDatabase, type ScratchDatabase } from '../../test/support/scratch-database.js';
import { type DemoConsole, startDemoConsole } from './demo-console.js';
import { DEMO_INVENTORY, demoTeam, writeDemoInventory } from './demo-inventory.js';

const REDIS_URL = 'redis://127.0.0.1:6379/0';

/** What the demo set up, and how to remove all of it. */
export interface DemoWorld {
  inventory: Inventory;
  database: ScratchDatabase;
  namespace: string;
  console: DemoConsole;
  labWasUp: boolean;
  labSeconds: number;
  /** Stops the bot, drops the database and the queues, stops the lab if the demo started it. Once. */
  teardown(): Promise<{ labStopped: boolean }>;
}

/**
 * The lab, a scratch bot database on the machine's PostgreSQL, a queue namespace of its own in the
 * machine's Redis, the demo inventory, and the bot's console on them. `onCreated` receives the
 * teardown as soon as there is something to remove, so that Ctrl-C during setup cleans up too.
 */
export async function setUpDemo(
  output: { write(text: string): unknown; isTTY?: boolean },
  onCreated: (teardown: () => Promise<{ labStopped: boolean }>) => void,
): Promise<DemoWorld> {
  ensureDebianPackages();
  const labWasUp = await labIsUp();
  const namespace = `demo-${randomUUID().slice(0, 8)}`;
  let database: ScratchDatabase | undefined;
  let demoConsole: DemoConsole | undefined;
  let done: Promise<{ labStopped: boolean }> | undefined;
  const teardown = () => {
    done ??= (async () => {
      demoConsole?.bot.abort();
      await demoConsole?.bot.close().catch(() => undefined);
      await obliterateBotQueues(namespace).catch(() => undefined);
      await database?.drop().catch(() => undefined);
      rmSync(DEMO_INVENTORY, { force: true });
      if (!labWasUp) await labDown();
      else for (const fault of activeFaults()) await healFault(fault).catch(() => undefined);
      return { labStopped: !labWasUp };
    })();
    return done;
  };
  onCreated(teardown);
  const { durationMs } = await labUp();
  database = await createScratchDatabase('samaops_demo');
  const inventory = loadInventory(writeDemoInventory());
  const env = { ...process.env, DATABASE_URL: database.url, REDIS_URL, SAMAOPS_QUEUE_NAMESPACE: namespace };
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'error' });
  const firstOperator = demoTeam[0]?.slackId ?? '';
  demoConsole = await startDemoConsole({ inventory, env, logger, output, firstOperator });
  // "Yesterday's" daily report, so that the one at the end has a trend to show.
  const { clients, store } = demoConsole.bot.services;
  await produceReport('daily', { inventory, clients }, { pool: store.pool });
  return {
    inventory,
    database,
    namespace,
    console: demoConsole,
    labWasUp,
    labSeconds: Math.round(durationMs / 100) / 10,
    teardown,
  };
}
