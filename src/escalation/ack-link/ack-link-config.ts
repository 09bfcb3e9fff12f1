import { z } from 'zod';
import { DeploymentError } from '../../config/deployment-error.js';
import { readDurationMs } from '../../config/duration.js';
import { MIN_SECRET_LENGTH } from '../../core/escalation/ack-link-token.js';

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
  if (secret === undefined) throw linkError('SAMAOPS_PUBLIC_URL is set but SAMAOPS_LINK_SECRET is missing');
  if (url === undefined) throw linkError('SAMAOPS_LINK_SECRET is set but SAMAOPS_PUBLIC_URL is missing');
  if (secret.length < MIN_SECRET_LENGTH) {
    throw linkError(
      `SAMAOPS_LINK_SECRET must have at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  const publicUrl = URL.canParse(url) ? new URL(url) : undefined;
  if (!publicUrl || !['http:', 'https:'].includes(publicUrl.protocol) || publicUrl.username !== '') {
    throw linkError('SAMAOPS_PUBLIC_URL must be an http:// or https:// URL without credentials');
  }
  if (!publicUrl.pathname.endsWith('/')) publicUrl.pathname += '/';
  publicUrl.search = '';
  publicUrl.hash = '';
  const ttlMs = ttl === undefined ? DEFAULT_LINK_TTL_MS : readDurationMs(ttl);
  if (ttlMs === null || ttlMs < MIN_TTL_MS || ttlMs > MAX_TTL_MS) {
    throw linkError('SAMAOPS_LINK_TTL must be a duration between 1m and 7d, e.g. 2h');
  }
  return { secret, publicUrl, ttlMs };
}

function linkError(message: string): DeploymentError {
  return new DeploymentError('ACK_LINK', message);
}
