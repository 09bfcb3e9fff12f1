import { spawnSync } from 'node:child_process';
import { labDown, labUp } from '../test/lab/lab.js';
import { ensureDebianPackages } from '../test/support/debian-packages.js';

/**
 * `npm run demo`: starts the local three-server lab, then the bot in console mode (no Slack) on
 * the lab's inventory, runs `/sama diagnose` and shows the report. With a terminal attached it
 * stays interactive (type `/sama help`, press a button by its number, `exit` to leave) and leaves
 * the lab running for `npm run lab -- fault api-1-down`; without one it stops the lab at the end.
 */
const interactive = Boolean(process.stdin.isTTY) && process.env.CI !== 'true';

ensureDebianPackages();
process.stdout.write('samaops demo: starting the lab (three SSH hosts on 127.0.0.2-4 and their services)…\n');
const { durationMs, inventory } = await labUp();
process.stdout.write(`lab up in ${durationMs} ms, inventory ${inventory}\n`);

// Console mode, whatever the shell holds: no Slack credentials leak in from it.
const env: NodeJS.ProcessEnv = { ...process.env, SAMAOPS_CONFIG: inventory, SAMAOPS_MODE: 'console' };
for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
const bot = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    env,
    stdio: 'inherit',
  }).status ?? 1;

let status = bot(['--script', '/sama help; /sama diagnose']);
if (interactive && status === 0) {
  process.stdout.write(
    '\nConsole interactive: type /sama diagnose db, /sama status, a button number, or exit.\n',
  );
  status = bot([]);
  process.stdout.write(
    '\nThe lab is still running: `npm run lab -- fault api-1-down` then `npm run demo`; `npm run lab -- down` stops it.\n',
  );
} else {
  await labDown();
  process.stdout.write('lab stopped.\n');
}
process.exitCode = status;
