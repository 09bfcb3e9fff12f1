import { z } from 'zod';
import { type DeploymentError, deploymentError } from '../../config/deployment-error.js';
import { readDurationMs } from '../../config/duration.js';
import { MIN_SECRET_LENGTH } from '../../core/escalation/ack-link-token.js';
import type { MessageKey } from '../../i18n/catalogue/index.js';
import { type MessageParams, msg } from '../../i18n/message.js';

/** How ack links are made: the secret that signs them, where the bot is reached, how long they hold. */
export interface AckLinkConfig {
  /** `SAMAOPS_LINK_SECRET`: signs links and CSRF tokens; never logged. */
  secret: string;
  /** `SAMAOPS_PUBLIC_URL`: the bot's HTTP server as people reach it, e.g. `https://samaops.senelec.sn/`. */
  publicUrl: URL;
  /** `SAMAOPS_LINK_TTL`: how long a link holds. Default 2 h (a page older than that is old news). */
  ttlMs: number;
}

/** Default life of a link: 2 hours. */
export const DEFAULT_LINK_TTL_MS = 2 * 3_600_000;
const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 7 * 86_400_000;

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/**
 * Reads the ack links' settings. None of them: links are off (pages carry none). A partial or bad
 * set is a `DeploymentError` naming what to fix (exit 78), never links that cannot work.
 */
export function readAckLinkConfig(env: NodeJS.ProcessEnv): AckLinkConfig | undefined {
  const vars = z
    .object({ SAMAOPS_LINK_SECRET: optional, SAMAOPS_PUBLIC_URL: optional, SAMAOPS_LINK_TTL: optional })
    .parse(env);
  const { SAMAOPS_LINK_SECRET: secret, SAMAOPS_PUBLIC_URL: url, SAMAOPS_LINK_TTL: ttl } = vars;
  if (secret === undefined && url === undefined) return undefined;
  if (secret === undefined) throw linkError('deploy.ackLink.secretMissing');
  if (url === undefined) throw linkError('deploy.ackLink.urlMissing');
  if (secret.length < MIN_SECRET_LENGTH) {
    throw linkError('deploy.ackLink.secretShort', { min: MIN_SECRET_LENGTH });
  }
  const publicUrl = URL.canParse(url) ? new URL(url) : undefined;
  if (!publicUrl || !['http:', 'https:'].includes(publicUrl.protocol) || publicUrl.username !== '') {
    throw linkError('deploy.ackLink.url');
  }
  if (!publicUrl.pathname.endsWith('/')) publicUrl.pathname += '/';
  publicUrl.search = '';
  publicUrl.hash = '';
  const ttlMs = ttl === undefined ? DEFAULT_LINK_TTL_MS : readDurationMs(ttl);
  if (ttlMs === null || ttlMs < MIN_TTL_MS || ttlMs > MAX_TTL_MS) {
    throw linkError('deploy.ackLink.ttl');
  }
  return { secret, publicUrl, ttlMs };
}

function linkError(key: MessageKey, params?: MessageParams): DeploymentError {
  return deploymentError('ACK_LINK', msg(key, params));
}
