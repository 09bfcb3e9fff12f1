import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';

/** State of one of the bot's own dependencies. `skipped`: not configured (no URL). */
export type DependencyState = 'up' | 'down' | 'skipped';

/** What `/ready` reports. */
export interface Readiness {
  ready: boolean;
  dependencies: { postgres: DependencyState; redis: DependencyState };
  /** Short, secret-free reasons for `down`. */
  errors?: Record<string, string>;
}

/** Pings the bot's own store and queue; `close()` ends the clients. */
export interface ReadinessProbe {
  check(): Promise<Readiness>;
  close(): Promise<void>;
}

/**
 * The bot's own PostgreSQL (`DATABASE_URL`) and Redis (`REDIS_URL`), distinct from the watched
 * platform's. Dedicated clients with short timeouts and no offline queue: a health probe must
 * answer "down" fast, never wait for a reconnect (BullMQ's client would wait forever).
 */
export function createReadinessProbe(
  urls: { databaseUrl?: string; redisUrl?: string },
  logger: Logger,
  timeoutMs = 1000,
): ReadinessProbe {
  const pool = urls.databaseUrl
    ? new pg.Pool({
        connectionString: urls.databaseUrl,
        max: 1,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        application_name: 'samaops-ready',
      })
    : undefined;
  pool?.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'readiness postgres error'));
  const redis = urls.redisUrl
    ? new Redis(urls.redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: timeoutMs,
        commandTimeout: timeoutMs,
        retryStrategy: () => null,
        connectionName: 'samaops-ready',
      })
    : undefined;
  redis?.on('error', (error: Error) =>
    logger.debug({ err: scrubSecrets(error.message) }, 'readiness redis error'),
  );

  const probe = async (
    name: string,
    run: (() => Promise<unknown>) | undefined,
    errors: Record<string, string>,
  ) => {
    if (!run) return 'skipped' as const;
    try {
      await run();
      return 'up' as const;
    } catch (error) {
      errors[name] = scrubSecrets(error instanceof Error ? error.message : String(error)).slice(0, 200);
      return 'down' as const;
    }
  };
  // Single flight: concurrent checks (the heartbeat's two probes, two scrapes of /ready) share one;
  // a second lazy connect while the first is under way would fail and report Redis down.
  let running: Promise<Readiness> | undefined;
  const check = async (): Promise<Readiness> => {
    const errors: Record<string, string> = {};
    const [postgres, redisState] = await Promise.all([
      probe('postgres', pool && (() => pool.query('SELECT 1')), errors),
      probe(
        'redis',
        redis &&
          (async () => {
            if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
            await redis.ping();
          }),
        errors,
      ),
    ]);
    const ready = postgres !== 'down' && redisState !== 'down';
    return { ready, dependencies: { postgres, redis: redisState }, ...(ready ? {} : { errors }) };
  };
  return {
    check() {
      running ??= check().finally(() => {
        running = undefined;
      });
      return running;
    },
    async close() {
      redis?.disconnect();
      await pool?.end().catch(() => undefined);
    },
  };
}
