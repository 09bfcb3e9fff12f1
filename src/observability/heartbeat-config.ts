import { z } from 'zod';
import { deploymentError } from '../config/deployment-error.js';
import { readDurationMs } from '../config/duration.js';
import { msg } from '../i18n/message.js';

/** Where and how often the dead-man's switch pushes. */
export interface HeartbeatConfig {
  /** `SAMAOPS_HEARTBEAT_URL`: the push monitor's URL. */
  url: string;
  /** `SAMAOPS_HEARTBEAT_EVERY`: between two pushes. Default 60 s. */
  everyMs: number;
}

const MIN_EVERY_MS = 1000;
const MAX_EVERY_MS = 600_000;

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The heartbeat's settings, or undefined without `SAMAOPS_HEARTBEAT_URL`; a bad one stops the start (exit 78). */
export function readHeartbeatConfig(env: NodeJS.ProcessEnv): HeartbeatConfig | undefined {
  const vars = z.object({ SAMAOPS_HEARTBEAT_URL: optional, SAMAOPS_HEARTBEAT_EVERY: optional }).parse(env);
  const url = vars.SAMAOPS_HEARTBEAT_URL;
  if (url === undefined) return undefined;
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw deploymentError('HEARTBEAT', msg('deploy.heartbeat.url'));
  }
  const every = vars.SAMAOPS_HEARTBEAT_EVERY;
  const everyMs = every === undefined ? 60_000 : readDurationMs(every);
  if (everyMs === null || everyMs < MIN_EVERY_MS || everyMs > MAX_EVERY_MS) {
    throw deploymentError('HEARTBEAT', msg('deploy.heartbeat.every'));
  }
  return { url, everyMs };
}
