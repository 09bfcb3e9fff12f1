import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AckLinkClaims, ackLinkKeys, sameText } from '../../../src/core/escalation/ack-link-token.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.parse('2026-11-23T10:00:00Z');
const claims: AckLinkClaims = {
  incidentId: 42,
  person: 'UNIVEAU1',
  generation: 3,
  expiresAt: NOW + 7_200_000,
  nonce: 'nonce-of-sixteen-chars',
};
const keys = ackLinkKeys(SECRET);

/** The payload of a token, re-encoded with `change` applied, keeping the original signature. */
function tampered(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [payload, signature] = token.split('.');
  const data = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
  change(data);
  return `${Buffer.from(JSON.stringify(data)).toString('base64url')}.${signature}`;
}

describe('ack link tokens', () => {
  it('verifies what it signed, to the second of expiry', () => {
    const token = keys.sign(claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(keys.verify(token, NOW)).toEqual({ ok: true, claims });
  });

  it('refuses an expired token as expired, a forged one as forged', () => {
    const token = keys.sign(claims);
    expect(keys.verify(token, claims.expiresAt)).toEqual({ ok: false, refusal: 'expired' });
    expect(ackLinkKeys(`${SECRET}-other`).verify(token, NOW)).toEqual({ ok: false, refusal: 'forged' });
  });

  it('refuses a token whose incident, person, generation or expiry was changed', () => {
    const token = keys.sign(claims);
    for (const change of [
      (data: Record<string, unknown>) => {
        data.i = 43;
      },
      (data: Record<string, unknown>) => {
        data.p = 'UNIVEAU2';
      },
      (data: Record<string, unknown>) => {
        data.g = 4;
      },
      (data: Record<string, unknown>) => {
        data.e = Number(data.e) + 86_400;
      },
    ]) {
      expect(keys.verify(tampered(token, change), NOW)).toEqual({ ok: false, refusal: 'forged' });
    }
  });

  it('refuses anything that is not a token, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        expect(keys.verify(text, NOW)).toEqual({ ok: false, refusal: 'forged' });
      }),
    );
    expect(keys.verify(`${keys.sign(claims)}x`, NOW).ok).toBe(false);
    expect(keys.verify('a'.repeat(10_000), NOW).ok).toBe(false);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => ackLinkKeys('short')).toThrow(/32/);
  });

  it('signs nothing it would not read back (a person id that is not a Slack id)', () => {
    const token = keys.sign({ ...claims, person: 'U1"><script>' });
    expect(keys.verify(token, NOW)).toEqual({ ok: false, refusal: 'forged' });
  });
});

describe('CSRF tokens', () => {
  it('match when the form and the cookie carry the one made for this link', () => {
    const csrf = keys.csrf(claims.nonce, 'salt-abc');
    expect(keys.csrfMatches(claims.nonce, csrf, csrf)).toBe(true);
  });

  it('do not match for another link, another cookie, or a token not made by the secret', () => {
    const csrf = keys.csrf(claims.nonce, 'salt-abc');
    expect(keys.csrfMatches('another-nonce-of-16', csrf, csrf)).toBe(false);
    expect(keys.csrfMatches(claims.nonce, csrf, keys.csrf(claims.nonce, 'salt-xyz'))).toBe(false);
    expect(keys.csrfMatches(claims.nonce, csrf, '')).toBe(false);
    const forged = 'salt-abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(keys.csrfMatches(claims.nonce, forged, forged)).toBe(false);
    expect(keys.csrfMatches(claims.nonce, 'a.b.c', 'a.b.c')).toBe(false);
  });
});

describe('sameText', () => {
  it('compares whole texts, whatever their lengths', () => {
    expect(sameText('abc', 'abc')).toBe(true);
    expect(sameText('abc', 'abd')).toBe(false);
    expect(sameText('abc', 'abcd')).toBe(false);
    expect(sameText('', '')).toBe(true);
  });
});
