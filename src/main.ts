import { parseArgs } from 'node:util';
import type { CustomRoute } from '@slack/bolt';
import { composeBot } from './app/compose-bot.js';
import { startBot } from './app/start-bot.js';
import { checkFindingsAtStartup } from './config/findings/startup-findings.js';
import { inventoryPath, loadInventory } from './config/load-inventory.js';
import { runConsole } from './console/run-console.js';
import { msg } from './i18n/message.js';
import { createLogger } from './logging/logger.js';
import { type RoutesServer, serveRoutes } from './observability/serve-routes.js';
import { type ConsoleInput, SlackModeError, selectSlackMode } from './slack/slack-mode.js';

/**
 * Entry point of the bot (`samaops serve`; `npm start` in a checkout); the graph is built by
 * `composeBot` (src/app/). `SAMAOPS_MODE` (or an unambiguous environment) picks Socket Mode, HTTP
 * mode, or the console without Slack.
 *   samaops serve [--script "/sama diagnose; 1"]
 * Returns the exit code once the bot has stopped; a `ConfigError` or `DeploymentError` (nothing
 * started) is thrown for the CLI to print and exit 78.
 */
const SHUTDOWN_BUDGET_MS = 10_000;

export async function serveBot(
  args: string[],
  io: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream },
): Promise<number> {
  const { values } = parseArgs({ args, options: { script: { type: 'string' } }, allowPositionals: false });
  const { env } = io;
  const input: ConsoleInput = values.script !== undefined ? 'script' : io.stdin.isTTY ? 'terminal' : 'none';
  const mode = selectSlackMode(env, input);
  const file = inventoryPath(undefined, env);
  const inventory = loadInventory(file, env);
  // check-config's errors stop the start here (ConfigError, exit 78); its warnings are logged.
  const warnings = checkFindingsAtStartup(inventory, file);
  // In the console, logs would interleave with the conversation: warnings only, unless asked.
  const logger = createLogger({ level: env.LOG_LEVEL ?? (mode.kind === 'console' ? 'warn' : 'info') });
  for (const { path, line, text } of warnings)
    logger.warn({ path, line, finding: text }, 'inventory warning');

  if (mode.kind === 'console') {
    const bot = await composeBot({ inventory, logger, surface: 'console' }, env);
    try {
      // The ack page (when ack links are set) is served in the console too, on PORT.
      const server = bot.routes.length > 0 ? await serveConsoleRoutes(bot.routes, env) : undefined;
      try {
        await runConsole(bot.services, { input: io.stdin, output: io.stdout, env }, values.script);
      } finally {
        await server?.close();
      }
    } finally {
      await bot.close();
    }
    return 0;
  }

  // Listen before starting: a SIGTERM during start-up must not kill the process mid-way.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // The whole shutdown is bounded: a hung peer must not keep a stopping service alive.
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

/** The console's HTTP server of the bot's routes, on `PORT` (default 3000) and `HOST`. */
export function serveConsoleRoutes(routes: CustomRoute[], env: NodeJS.ProcessEnv): Promise<RoutesServer> {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    const given = String(env.PORT).slice(0, 20);
    throw new SlackModeError(msg('deploy.port', { given }), `PORT must be a port number, not "${given}"`);
  }
  return serveRoutes(routes, { port, ...(env.HOST ? { host: env.HOST } : {}) });
}
