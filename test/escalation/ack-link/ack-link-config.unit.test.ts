import { describe, expect, it } from 'vitest';
import { DeploymentError } from '../../../src/config/deployment-error.js';
import { ackLinkKeys } from '../../../src/core/escalation/ack-link-token.js';
import { readAckLinkConfig } from '../../../src/escalation/ack-link/ack-link-config.js';
import { ackLinkSigner } from '../../../src/escalation/ack-link/ack-link-signer.js';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('ack link settings', () => {
  it('are off with neither variable: the signer then makes no link', () => {
    expect(readAckLinkConfig({})).toBeUndefined();
    expect(ackLinkSigner(undefined)(1, 'UNIVEAU1', 1)).toBeUndefined();
  });

  it('default to links that hold 2 hours, under the public URL', () => {
    const config = readAckLinkConfig({
      SAMAOPS_LINK_SECRET: SECRET,
      SAMAOPS_PUBLIC_URL: 'https://ops.senelec.sn/samaops',
    });
    expect(config?.ttlMs).toBe(7_200_000);
    expect(config?.publicUrl.href).toBe('https://ops.senelec.sn/samaops/');
  });

  it('sign links to /ack/<token> that the same secret reads back', () => {
    const config = readAckLinkConfig({
      SAMAOPS_LINK_SECRET: SECRET,
      SAMAOPS_PUBLIC_URL: 'https://ops.senelec.sn/samaops/',
      SAMAOPS_LINK_TTL: '30m',
    });
    const now = Date.parse('2026-11-23T10:00:00Z');
    const link = ackLinkSigner(config, { now: () => now, nonce: () => 'n'.repeat(22) })(7, 'UNIVEAU1', 2);
    expect(link).toMatch(/^https:\/\/ops\.senelec\.sn\/samaops\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const token = (link ?? '').split('/ack/')[1] ?? '';
    expect(ackLinkKeys(SECRET).verify(token, now)).toEqual({
      ok: true,
      claims: {
        incidentId: 7,
        person: 'UNIVEAU1',
        generation: 2,
        expiresAt: now + 1_800_000,
        nonce: 'n'.repeat(22),
      },
    });
  });

  it('refuse a partial or bad set, naming what to fix and never the secret', () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ SAMAOPS_LINK_SECRET: SECRET }, /SAMAOPS_PUBLIC_URL is missing/],
      [{ SAMAOPS_PUBLIC_URL: 'https://x.sn/' }, /SAMAOPS_LINK_SECRET is missing/],
      [{ SAMAOPS_LINK_SECRET: 'short-secret', SAMAOPS_PUBLIC_URL: 'https://x.sn/' }, /at least 32/],
      [{ SAMAOPS_LINK_SECRET: SECRET, SAMAOPS_PUBLIC_URL: 'ftp://x.sn/' }, /http:\/\/ or https:\/\//],
      [{ SAMAOPS_LINK_SECRET: SECRET, SAMAOPS_PUBLIC_URL: 'https://u:p@x.sn/' }, /without credentials/],
      [
        { SAMAOPS_LINK_SECRET: SECRET, SAMAOPS_PUBLIC_URL: 'https://x.sn/', SAMAOPS_LINK_TTL: '10s' },
        /1m and 7d/,
      ],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        readAckLinkConfig(env);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DeploymentError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain(SECRET);
      expect((thrown as Error).message).not.toContain('short-secret');
    }
  });
});
