import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';

/**
 * The bot's one BullMQ connection (`REDIS_URL`): ioredis with `maxRetriesPerRequest: null`, as
 * BullMQ's workers require. Its errors are logged (the URL's password scrubbed); BullMQ
 * reconnects by itself. The caller owns it and disconnects it last.
 */
export function openJobConnection(redisUrl: string, logger: Logger): Redis {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'jobs redis error'));
  return connection;
}
