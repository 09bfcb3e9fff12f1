import { msg } from '../../i18n/message.js';
import type { CheckOutcome } from '../check.js';
import { reasonOf } from '../run-checks.js';

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

/** pg and pg-pool report a connect timeout or a dropped socket with plain messages, without a code. */
const LOST_CONNECTION = /timeout exceeded when trying to connect|Connection terminated/i;

/**
 * True when `error` says PostgreSQL (or PgBouncer) could not be reached or dropped the connection,
 * as opposed to an SQL error it answered with. SQLSTATE class 08 is "connection exception";
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

/**
 * Runs a check's queries; an unreachable server becomes `fail` "unreachable: <reason>" instead of a
 * generic error. Other errors propagate and the engine reports them as `fail` with their reason.
 */
export async function unlessUnreachable(run: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await run();
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    return {
      status: 'fail',
      value: null,
      threshold: null,
      detail: msg('check.unreachable', { reason: reasonOf(error) }),
    };
  }
}
