import { type Logger, pino } from 'pino';

export type { Logger };

/** Object keys whose values never reach a log, at any of the first three levels. */
const REDACTED_KEYS = [
  'password',
  'token',
  'secret',
  'privateKey',
  'authorization',
  'url',
  'signingSecret',
  'botToken',
  'appToken',
];

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * JSON logs (pino) with secrets redacted. Logs go to stderr so that a command's stdout
 * (a report, JSON) stays clean. Default level `info`, or LOG_LEVEL.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      name: 'samaops',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
