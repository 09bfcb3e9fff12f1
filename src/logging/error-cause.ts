import { scrubSecrets } from './scrub-secrets.js';

/** What went wrong, as far as a person acting on it needs to know. */
export type ErrorCause =
  | 'timeout'
  | 'connectionRefused'
  | 'authenticationFailed'
  | 'dns'
  | 'tlsExpired'
  | 'tlsUntrusted'
  | 'permissionDenied'
  | 'hostKeyMismatch'
  | 'hostKeyUnknown'
  | 'other';

/** A classified error: its cause, and the raw reason (scrubbed, ≤ 200 chars) shown in small print. */
export interface ClassifiedError {
  cause: ErrorCause;
  raw: string;
}

/** Error codes (Node, OpenSSL, PostgreSQL SQLSTATE, our own SSH layer) → cause. */
const CAUSE_BY_CODE: Record<string, ErrorCause> = {
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  ABORT_ERR: 'timeout',
  '57014': 'timeout',
  REMOTE_COMMAND_TIMEOUT: 'timeout',
  SSH_HANDSHAKE_TIMEOUT: 'timeout',
  ECONNREFUSED: 'connectionRefused',
  '28P01': 'authenticationFailed',
  '28000': 'authenticationFailed',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  CERT_HAS_EXPIRED: 'tlsExpired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tlsUntrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'tlsUntrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tlsUntrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tlsUntrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tlsUntrusted',
  EACCES: 'permissionDenied',
  EPERM: 'permissionDenied',
  '42501': 'permissionDenied',
  HOST_KEY_MISMATCH: 'hostKeyMismatch',
  HOST_KEY_UNKNOWN: 'hostKeyUnknown',
};

/** For errors without a code (ssh2, ioredis, amqplib and RabbitMQ speak in sentences), first match wins. */
const CAUSE_BY_TEXT: [RegExp, ErrorCause][] = [
  [/certificate has expired|CERT_HAS_EXPIRED/i, 'tlsExpired'],
  [
    /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer/i,
    'tlsUntrusted',
  ],
  [/ECONNREFUSED|connection refused/i, 'connectionRefused'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'dns'],
  [
    /authentication failed|authentication methods failed|WRONGPASS|NOAUTH|ACCESS_REFUSED|invalid password|\b401\b/i,
    'authenticationFailed',
  ],
  [/permission denied|EACCES|must be superuser|insufficient privilege/i, 'permissionDenied'],
  [/timed? ?out|timeout/i, 'timeout'],
];

/**
 * Classifies an error by its code (or its cause's, for fetch), then by its words. Pure: the same
 * error always gives the same answer, and the raw reason is scrubbed of secrets.
 */
export function classifyError(error: unknown): ClassifiedError {
  const raw = scrubSecrets(rawText(error)).slice(0, 200);
  for (const code of codesOf(error)) {
    const cause = CAUSE_BY_CODE[code];
    if (cause) return { cause, raw };
  }
  const texts = [raw, ...chainOf(error).map(rawText)];
  for (const [pattern, cause] of CAUSE_BY_TEXT)
    if (texts.some((text) => pattern.test(text))) return { cause, raw };
  return { cause: 'other', raw };
}

function rawText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The error and the errors it wraps (`cause`), at most four deep. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 4; current = (current as Error).cause) {
    chain.push(current);
    if (typeof current !== 'object' || current === null) break;
  }
  return chain;
}

function codesOf(error: unknown): string[] {
  return chainOf(error).flatMap((link) => {
    if (typeof link !== 'object' || link === null) return [];
    const { code, name } = link as { code?: unknown; name?: unknown };
    return [
      typeof code === 'string' ? code : undefined,
      name === 'TimeoutError' ? 'ETIMEDOUT' : undefined,
    ].filter((value): value is string => value !== undefined);
  });
}
