import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { localeFromEnv } from '../../config/config-locale.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

/** sysexits EX_UNAVAILABLE: the bot did not become ready in time. */
const UNAVAILABLE = 69;
/** Between two polls of /ready: short, a start takes about a second. */
const POLL_MS = 250;

/**
 * `samaops wait-ready [--url URL] [--timeout SECONDS]`: polls the bot's `/ready` until it answers
 * 200 (exit 0), or gives up after the timeout (default 60 s; exit 69 with the last answer). The
 * unit's ExecStartPost, so that `systemctl start` returns once the bot can work. Default URL:
 * `http://127.0.0.1:$PORT/ready` (PORT default 3000), or `$HOST` when it names one address.
 */
export async function waitReadyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: { url: { type: 'string' }, timeout: { type: 'string', default: '60' } },
  });
  const seconds = Number(values.timeout);
  if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600))
    throw new UsageError(msg('cli.error.waitReadyTimeout'));
  const url = values.url ?? defaultReadyUrl(io.env);
  if (!URL.canParse(url)) throw new UsageError(msg('cli.error.waitReadyUrl'));
  const locale = localeFromEnv(io.env).locale ?? 'fr';
  const deadline = Date.now() + seconds * 1000;
  let last = translate(locale, msg('cli.waitReady.noAnswer'));
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(2000, seconds * 1000)) });
      const body = (await response.text()).slice(0, 300);
      if (response.ok) {
        io.stdout.write(`${translate(locale, msg('cli.waitReady.ready', { body }))}\n`);
        return EXIT.ok;
      }
      last = `${response.status} ${body}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(POLL_MS);
  }
  io.stderr.write(`${translate(locale, msg('cli.waitReady.notReady', { seconds, url, last }))}\n`);
  return UNAVAILABLE;
}

function defaultReadyUrl(env: NodeJS.ProcessEnv): string {
  const host = env.HOST && !['0.0.0.0', '::', ''].includes(env.HOST) ? env.HOST : '127.0.0.1';
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return `http://${bracketed}:${env.PORT || '3000'}/ready`;
}
