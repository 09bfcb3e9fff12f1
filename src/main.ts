import { parseArgs } from 'node:util';
import { composeBot } from './app/compose-bot.js';
import { startBot } from './app/start-bot.js';
import { ConfigError } from './config/config-error.js';
import { inventoryPath, loadInventory } from './config/load-inventory.js';
import { runConsole } from './console/run-console.js';
import { createLogger } from './logging/logger.js';
import { terminalErrorLines } from './render/error-text.js';
import { selectSlackMode } from './slack/slack-mode.js';

/**
 * Entry point of the bot (`npm start`); the graph is built by `composeBot` (src/app/). The
 * environment picks the mode: Socket Mode, HTTP mode, or the console without Slack.
 *   npm start -- [--script "/sama diagnose; 1"]
 */
const SHUTDOWN_BUDGET_MS = 10_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { script: { type: 'string' } }, allowPositionals: false });
  const env = process.env;
  const mode = selectSlackMode(env);
  const inventory = loadInventory(inventoryPath(undefined, env), env);
  // In the console, logs would interleave with the conversation: warnings only, unless asked.
  const logger = createLogger({ level: env.LOG_LEVEL ?? (mode.kind === 'console' ? 'warn' : 'info') });

  if (mode.kind === 'console') {
    const bot = await composeBot({ inventory, logger, surface: 'console' }, env);
    try {
      await runConsole(bot.services, { input: process.stdin, output: process.stdout, env }, values.script);
    } finally {
      await bot.close();
    }
    return 0;
  }

  // Listen before starting: a SIGTERM during start-up must not kill the process mid-way.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // The whole shutdown is bounded: a hung peer must not keep a terminating pod alive.
      setTimeout(() => {
        logger.error('shutdown took longer than 10 s; exiting');
        process.exit(1);
      }, SHUTDOWN_BUDGET_MS).unref();
      resolve(signal);
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
  const bot = await startBot({ mode, inventory, env, logger, ...(env.HOST ? { host: env.HOST } : {}) });
  const signal = await signalled;
  logger.info({ signal }, 'shutting down');
  await bot.stop({ graceMs: SHUTDOWN_BUDGET_MS - 3000 });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    for (const line of terminalErrorLines(error)) process.stderr.write(`${line}\n`);
    process.exitCode = error instanceof ConfigError ? 78 : 1;
  },
);
