import { z } from 'zod';

/** How the bot talks to Slack, chosen by the environment. */
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

/** A Slack environment that cannot work: some credentials set, not a usable set. */
export class SlackModeError extends Error {
  readonly code = 'SLACK_MODE';
}

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.refine((value) => value === undefined || URL.canParse(value), 'not a URL'),
  HTTPS_PROXY: optional,
  https_proxy: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

/**
 * Socket Mode with `SLACK_APP_TOKEN` + `SLACK_BOT_TOKEN` (preferred: no public URL needed),
 * HTTP mode with `SLACK_SIGNING_SECRET` + `SLACK_BOT_TOKEN`, console mode with none of the
 * three. A partial set is an error rather than a silent fall-back to the console.
 */
export function selectSlackMode(env: NodeJS.ProcessEnv): SlackMode {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new SlackModeError(`invalid environment: ${z.prettifyError(parsed.error)}`);
  const vars = parsed.data;
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = vars;
  const common = {
    ...(vars.SLACK_API_URL ? { apiUrl: vars.SLACK_API_URL } : {}),
    ...((vars.HTTPS_PROXY ?? vars.https_proxy) ? { proxyUrl: vars.HTTPS_PROXY ?? vars.https_proxy } : {}),
    port: vars.PORT,
  };
  if (!botToken && !appToken && !signingSecret) return { kind: 'console' };
  if (!botToken) {
    throw new SlackModeError(
      'SLACK_BOT_TOKEN is missing (xoxb-…): set it, or unset every SLACK_* variable for console mode',
    );
  }
  if (appToken) {
    if (!appToken.startsWith('xapp-'))
      throw new SlackModeError('SLACK_APP_TOKEN must be an app-level token (xapp-…)');
    return { kind: 'socket', botToken, appToken, ...common };
  }
  if (signingSecret) return { kind: 'http', botToken, signingSecret, ...common };
  throw new SlackModeError(
    'SLACK_BOT_TOKEN alone is not enough: add SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
  );
}
