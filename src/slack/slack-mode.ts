import { z } from 'zod';
import { DeploymentError } from '../config/deployment-error.js';
import { type Message, msg } from '../i18n/message.js';

/** How the bot talks to Slack: `SAMAOPS_MODE`, or inferred when the environment is unambiguous. */
export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string; apiUrl?: string; proxyUrl?: string; port: number }
  | {
      kind: 'http';
      botToken: string;
      signingSecret: string;
      apiUrl?: string;
      proxyUrl?: string;
      port: number;
    }
  | { kind: 'console' };

/** The Slack environment cannot work: unknown mode, missing or ambiguous credentials. Exit 78. */
export class SlackModeError extends DeploymentError {
  constructor(userMessage: Message, detail: string) {
    super('SLACK_MODE', userMessage, detail);
    this.name = 'SlackModeError';
  }
}

/** Where console mode would read from. `none`: no terminal and no `--script` (a service). */
export type ConsoleInput = 'terminal' | 'script' | 'none';

/** The variables the mode is chosen from, named in every refusal. */
export const MODE_VARIABLES = ['SAMAOPS_MODE', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'];

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  SAMAOPS_MODE: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.refine((value) => value === undefined || URL.canParse(value), 'not a URL'),
  HTTPS_PROXY: optional,
  https_proxy: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});
type ModeEnv = z.infer<typeof envSchema>;

/**
 * `SAMAOPS_MODE=socket|http|console` decides. Without it: Socket Mode with `SLACK_APP_TOKEN` +
 * `SLACK_BOT_TOKEN`, HTTP mode with `SLACK_SIGNING_SECRET` + `SLACK_BOT_TOKEN`, the console with
 * none of the three and a terminal or a script to read. Anything else (a partial or double set,
 * no credentials under a service manager) is a `SlackModeError`, never a silent console that
 * reads end-of-input and exits 0.
 */
export function selectSlackMode(env: NodeJS.ProcessEnv, input: ConsoleInput = 'terminal'): SlackMode {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const reason = z.prettifyError(parsed.error);
    throw new SlackModeError(msg('deploy.mode.invalidEnv', { reason }), `invalid environment: ${reason}`);
  }
  const vars = parsed.data;
  const wanted = vars.SAMAOPS_MODE ?? inferMode(vars, input);
  if (wanted === 'console') return { kind: 'console' };
  if (wanted !== 'socket' && wanted !== 'http') {
    const given = wanted.slice(0, 20);
    throw new SlackModeError(
      msg('deploy.mode.unknown', { given }),
      `SAMAOPS_MODE must be socket, http or console, not "${given}"`,
    );
  }
  const botToken = required(vars, 'SLACK_BOT_TOKEN', wanted);
  const common = {
    ...(vars.SLACK_API_URL ? { apiUrl: vars.SLACK_API_URL } : {}),
    ...((vars.HTTPS_PROXY ?? vars.https_proxy) ? { proxyUrl: vars.HTTPS_PROXY ?? vars.https_proxy } : {}),
    port: vars.PORT,
  };
  if (wanted === 'http') {
    return {
      kind: 'http',
      botToken,
      signingSecret: required(vars, 'SLACK_SIGNING_SECRET', wanted),
      ...common,
    };
  }
  const appToken = required(vars, 'SLACK_APP_TOKEN', wanted);
  if (!appToken.startsWith('xapp-'))
    throw new SlackModeError(
      msg('deploy.mode.appToken'),
      'SLACK_APP_TOKEN must be an app-level token (xapp-…)',
    );
  return { kind: 'socket', botToken, appToken, ...common };
}

function inferMode(vars: ModeEnv, input: ConsoleInput): string {
  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = vars;
  if (!bot && !app && !secret) {
    if (input !== 'none') return 'console';
    const variables = MODE_VARIABLES.join(', ');
    throw new SlackModeError(
      msg('deploy.mode.none', { variables }),
      `no Slack credentials and no terminal: set SAMAOPS_MODE=socket (SLACK_BOT_TOKEN, SLACK_APP_TOKEN) or SAMAOPS_MODE=http (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET); looked for ${variables}`,
    );
  }
  if (app && secret) {
    throw new SlackModeError(
      msg('deploy.mode.both'),
      'both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set: set SAMAOPS_MODE=socket or SAMAOPS_MODE=http',
    );
  }
  if (app) return 'socket';
  if (secret) return 'http';
  throw new SlackModeError(
    msg('deploy.mode.botTokenAlone'),
    'SLACK_BOT_TOKEN alone is not enough: add SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
  );
}

function required(
  vars: ModeEnv,
  name: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET',
  mode: string,
): string {
  const value = vars[name];
  if (!value) {
    const hint = name === 'SLACK_BOT_TOKEN' ? ' (xoxb-…)' : name === 'SLACK_APP_TOKEN' ? ' (xapp-…)' : '';
    throw new SlackModeError(
      msg('deploy.mode.missing', { name, hint, mode }),
      `${name} is missing${hint}: ${mode} mode needs it`,
    );
  }
  return value;
}
