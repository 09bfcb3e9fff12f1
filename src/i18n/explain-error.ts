import { classifyError, type ErrorCause } from '../logging/error-cause.js';
import type { MessageKey } from './catalogue/index.js';
import { type Message, msg } from './message.js';

const SENTENCE: Record<Exclude<ErrorCause, 'other'>, MessageKey> = {
  timeout: 'error.cause.timeout',
  connectionRefused: 'error.cause.connectionRefused',
  authenticationFailed: 'error.cause.authenticationFailed',
  dns: 'error.cause.dns',
  tlsExpired: 'error.cause.tlsExpired',
  tlsUntrusted: 'error.cause.tlsUntrusted',
  permissionDenied: 'error.cause.permissionDenied',
  hostKeyMismatch: 'error.cause.hostKeyMismatch',
  hostKeyUnknown: 'error.cause.hostKeyUnknown',
};

/**
 * Error codes of our own layers whose message adds nothing to the sentence (`… killed by timeout`).
 * A host key mismatch keeps its message: it names both fingerprints.
 */
const OWN_CODES = new Set(['REMOTE_COMMAND_TIMEOUT', 'SSH_HANDSHAKE_TIMEOUT']);

/**
 * An error as a reader sees it: a catalogued sentence for a known cause, with the raw reason in
 * small print; an unknown cause keeps the raw reason alone (scrubbed). Use as a `{reason}` parameter.
 */
export function explainError(error: unknown): Message | string {
  const { cause, raw } = classifyError(error);
  if (cause === 'other') return raw;
  const sentence = msg(SENTENCE[cause]);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OWN_CODES.has(code)) return sentence;
  return msg('error.withRaw', { sentence, raw });
}
