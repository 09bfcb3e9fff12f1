import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';

/**
 * Bolt's logger interface over pino, so that Bolt's own lines are JSON too. Bolt logs
 * strings (URLs, error texts), which pino's key redaction cannot see: they are scrubbed.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    scrubSecrets(
      parts
        .map((part) =>
          part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part),
        )
        .join(' '),
    );
  return {
    debug: (...parts) => child.debug(text(parts)),
    info: (...parts) => child.info(text(parts)),
    warn: (...parts) => child.warn(text(parts)),
    error: (...parts) => child.error(text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
