import { explainError } from '../i18n/explain-error.js';
import { msg } from '../i18n/message.js';
import type { CheckOutcome } from './check.js';

/** Node socket errors that mean the server was never reached. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Clients that report a lost or never-made connection with a plain message and no code (pg-pool, ioredis). */
const LOST_CONNECTION = /timeout exceeded when trying to connect|Connection terminated|Connection is closed/i;

/**
 * True when `error` says a service could not be reached or dropped the connection, as opposed to
 * an error it answered with. For PostgreSQL, SQLSTATE class 08 is "connection exception" and
 * 57P01–57P03 mean the server is shutting down or not accepting connections yet.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  }
  return LOST_CONNECTION.test(error.message);
}

/** The outcome of a service that refused or dropped the connection: `fail`, with the scrubbed reason. */
export function unreachable(error: unknown): CheckOutcome {
  return {
    status: 'fail',
    value: null,
    threshold: null,
    detail: msg('check.unreachable', { reason: explainError(error) }),
  };
}
