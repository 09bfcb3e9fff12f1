import amqp, { type ChannelModel } from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Inventory } from '../config/schema.js';
import { abortable, reconnecting } from '../lifecycle/reconnecting.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { createSshPool, type SshPool } from '../remote/ssh-pool.js';
import { boundedPostgres, type PostgresReader } from './bounded-postgres.js';
import { createHttpClient, type HttpClient } from './http-client.js';

/** The service is not in the inventory; checks turn this into "not configured". */
export class ServiceNotConfiguredError extends Error {
  readonly code = 'SERVICE_NOT_CONFIGURED';
  constructor(readonly service: string) {
    super(`${service} is not configured in the inventory`);
  }
}

/**
 * Long-lived clients of the monitored platform, created on first use, reused by every check of
 * every diagnosis, and closed once. Separate from the bot's own store and queue.
 */
export interface PlatformClients {
  /** Read-only queries to PostgreSQL (through PgBouncer in production), each bounded server-side by the check timeout. */
  postgres(): PostgresReader;
  /** A connected Redis client dedicated to checks: no offline queue, one retry, bounded commands. */
  redis(signal: AbortSignal): Promise<Redis>;
  /** The AMQP connection; open a throwaway channel per check (a 404 closes its channel). */
  amqp(signal: AbortSignal): Promise<ChannelModel>;
  http: HttpClient;
  /** One pooled SSH connection per server (src/remote): the only way checks and actions reach a server. */
  ssh: SshPool;
  /** Closes everything; bounded so that a hung peer cannot hold the process. */
  close(): Promise<void>;
}

/** What a client factory reads from the inventory, and where it logs. */
type ClientSetting = { services: Inventory['services']; checkTimeoutMs: number; logger: Logger };

/**
 * Builds the platform's clients; each connects on first use (a service missing from the inventory
 * throws ServiceNotConfiguredError then) and reconnects after it is lost.
 */
export function createPlatformClients(inventory: Inventory, logger: Logger): PlatformClients {
  const setting: ClientSetting = {
    services: inventory.services,
    checkTimeoutMs: inventory.checkTimeoutMs,
    logger,
  };
  const postgres = lazyPostgres(setting);
  const redis = reconnectingRedis(setting);
  const amqpConnection = reconnectingAmqp(setting);
  const http = createHttpClient();
  const ssh = createSshPool({ timeoutMs: inventory.checkTimeoutMs, logger });

  return {
    postgres: postgres.reader,
    redis: (signal) => abortable(redis.get(), signal),
    amqp: (signal) => abortable(amqpConnection.get(), signal),
    http,
    ssh,
    async close() {
      http.close();
      const closing = Promise.allSettled([
        postgres.end(),
        redis.close(),
        amqpConnection.close(),
        ssh.close(),
      ]);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closing, new Promise((resolve) => (timer = setTimeout(resolve, 2000).unref()))]);
      clearTimeout(timer);
    },
  };
}

/** The checks' PostgreSQL pool, made on the first query, each query bounded by the check timeout. */
function lazyPostgres({ services, checkTimeoutMs, logger }: ClientSetting) {
  let pool: pg.Pool | undefined;
  let reader: PostgresReader | undefined;
  return {
    reader(): PostgresReader {
      if (!services.postgres) throw new ServiceNotConfiguredError('postgres');
      if (!pool) {
        pool = new pg.Pool({
          connectionString: services.postgres.url,
          max: 8,
          idleTimeoutMillis: 30_000,
          connectionTimeoutMillis: checkTimeoutMs,
          application_name: 'samaops',
        });
        // Without this listener an idle client killed by the server crashes the process.
        pool.on('error', (error) =>
          logger.warn({ err: scrubSecrets(error.message) }, 'postgres idle client error'),
        );
        reader = boundedPostgres(pool, checkTimeoutMs);
      }
      return reader as PostgresReader;
    },
    end: () => pool?.end(),
  };
}

/** The checks' own Redis client: no offline queue, one retry, every command bounded. */
function reconnectingRedis({ services, checkTimeoutMs, logger }: ClientSetting) {
  return reconnecting<Redis>(
    async (onLost, closing) => {
      if (!services.redis) throw new ServiceNotConfiguredError('redis');
      const client = new Redis(services.redis.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: checkTimeoutMs,
        commandTimeout: checkTimeoutMs,
        retryStrategy: () => null,
        connectionName: 'samaops-checks',
      });
      client.on('error', (error: Error) =>
        logger.debug({ err: scrubSecrets(error.message) }, 'redis client error'),
      );
      client.on('end', onLost);
      closing.addEventListener('abort', () => client.disconnect(), { once: true });
      try {
        await client.connect();
      } catch (error) {
        client.disconnect();
        throw error;
      }
      return client;
    },
    (client) => {
      client.disconnect();
    },
  );
}

/** The checks' AMQP connection (a check opens its own throwaway channel on it). */
function reconnectingAmqp({ services, checkTimeoutMs, logger }: ClientSetting) {
  return reconnecting<ChannelModel>(
    async (onLost) => {
      if (!services.rabbitmq) throw new ServiceNotConfiguredError('rabbitmq');
      const connection = await amqp.connect(services.rabbitmq.url, {
        timeout: checkTimeoutMs,
        clientProperties: { connection_name: 'samaops-checks' },
      });
      connection.on('error', (error: Error) =>
        logger.debug({ err: scrubSecrets(error.message) }, 'amqp connection error'),
      );
      connection.on('close', onLost);
      return connection;
    },
    async (connection) => {
      await connection.close().catch(() => undefined);
    },
  );
}
