import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The ack-link port: the link a page carries so that `person` can acknowledge or escalate
 * incident `incidentId` without Slack, valid while the incident stays at `generation` (the
 * generation of the state that paged them). Undefined when ack links are not configured.
 */
export type AckLinkFor = (incidentId: number, person: string, generation: number) => string | undefined;

/** What an ack link's token says, and nothing more: who may act on which incident, until when. */
export interface AckLinkClaims {
  incidentId: number;
  /** The person paged (Slack id). */
  person: string;
  /** The incident's generation when the page went out: a later step makes the link stale. */
  generation: number;
  /** Expiry, epoch milliseconds (whole seconds in the token). */
  expiresAt: number;
  /** Random id of this link: a link acts at most once (recorded when it acts). */
  nonce: string;
}

/** Why a token is refused. `forged` covers any token the secret did not sign, however malformed. */
export type TokenRefusal = 'forged' | 'expired';

/** A token checked: its claims, or why it is refused. */
export type CheckedToken = { ok: true; claims: AckLinkClaims } | { ok: false; refusal: TokenRefusal };

/** The secret's two keys (one signs links, one signs CSRF tokens) and what they do. */
export interface AckLinkKeys {
  sign(claims: AckLinkClaims): string;
  /** Timing-safe; a bad signature is `forged` before anything of the payload is believed. */
  verify(token: string, now: number): CheckedToken;
  /** A CSRF token tied to one link (its nonce): `salt.mac`, the same in the form and the cookie. */
  csrf(nonce: string, salt: string): string;
  /** True when `form` and `cookie` are the same CSRF token and it was made for this link. */
  csrfMatches(nonce: string, form: string, cookie: string): boolean;
}

/** The shortest secret accepted: 32 characters (HMAC-SHA256 wants at least its 256 bits). */
export const MIN_SECRET_LENGTH = 32;
/** Longer tokens are refused unread: a real one is under 200 characters. */
const MAX_TOKEN_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const PERSON = /^[A-Za-z0-9._-]{1,64}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

const mac = (key: Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

/** Equal, in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Ack-link tokens: `base64url(payload).base64url(HMAC-SHA256(payload))`, the payload holding the
 * incident id, the person, the generation, the expiry and a nonce. Pure: the caller brings the
 * time and the randomness.
 */
export function ackLinkKeys(secret: string): AckLinkKeys {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`secret shorter than ${MIN_SECRET_LENGTH}`);
  const linkKey = mac(Buffer.from(secret), 'samaops ack link v1');
  const csrfKey = mac(Buffer.from(secret), 'samaops ack csrf v1');
  const signPayload = (payload: string) => mac(linkKey, payload).toString('base64url');
  const csrfMac = (nonce: string, salt: string) => mac(csrfKey, `${nonce}.${salt}`).toString('base64url');
  return {
    sign(claims) {
      const payload = Buffer.from(
        JSON.stringify({
          i: claims.incidentId,
          p: claims.person,
          g: claims.generation,
          e: Math.floor(claims.expiresAt / 1000),
          n: claims.nonce,
        }),
      ).toString('base64url');
      return `${payload}.${signPayload(payload)}`;
    },
    verify(token, now) {
      const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
      const [payload, signature] = parts;
      if (parts.length !== 2 || !payload || !signature || !BASE64URL.test(payload + signature)) {
        return { ok: false, refusal: 'forged' };
      }
      if (!sameText(signature, signPayload(payload))) return { ok: false, refusal: 'forged' };
      const claims = readClaims(payload);
      if (!claims) return { ok: false, refusal: 'forged' };
      return claims.expiresAt <= now ? { ok: false, refusal: 'expired' } : { ok: true, claims };
    },
    csrf: (nonce, salt) => `${salt}.${csrfMac(nonce, salt)}`,
    csrfMatches(nonce, form, cookie) {
      const [salt, given, extra] = form.split('.');
      if (!salt || !given || extra !== undefined || !BASE64URL.test(salt)) return false;
      // Both comparisons always run: the time says nothing of which one failed.
      const same = sameText(form, cookie);
      const made = sameText(given, csrfMac(nonce, salt));
      return same && made;
    },
  };
}

/** The signed payload's claims, or null when it is not what `sign` writes. */
function readClaims(payload: string): AckLinkClaims | null {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { i, p, g, e, n } = data as Record<string, unknown>;
  const whole = (value: unknown, min: number): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
  if (!whole(i, 1) || !whole(g, 0) || !whole(e, 0)) return null;
  if (typeof p !== 'string' || !PERSON.test(p) || typeof n !== 'string' || !NONCE.test(n)) return null;
  return { incidentId: i, person: p, generation: g, expiresAt: e * 1000, nonce: n };
}
