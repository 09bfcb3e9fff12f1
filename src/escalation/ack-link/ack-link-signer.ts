import { randomBytes } from 'node:crypto';
import { type AckLinkFor, type AckLinkKeys, ackLinkKeys } from '../../core/escalation/ack-link-token.js';
import type { AckLinkConfig } from './ack-link-config.js';

/** The path of the ack page under the bot's HTTP server: `/ack/<token>`. */
export const ACK_PATH_PREFIX = '/ack/';

/** A link's random id: 128 bits, base64url. */
export const randomNonce = (): string => randomBytes(16).toString('base64url');

/** The public URL of the ack page of `token`. */
export function ackPageUrl(config: AckLinkConfig, token: string): URL {
  return new URL(`${ACK_PATH_PREFIX.slice(1)}${token}`, config.publicUrl);
}

/**
 * The ack-link port's implementation: signs a link for (incident, person, generation) that expires
 * `config.ttlMs` from now. Without `config` (links off) every call returns undefined, so a page
 * simply carries no link.
 */
export function ackLinkSigner(
  config: AckLinkConfig | undefined,
  options: { keys?: AckLinkKeys; now?: () => number; nonce?: () => string } = {},
): AckLinkFor {
  if (!config) return () => undefined;
  const keys = options.keys ?? ackLinkKeys(config.secret);
  const now = options.now ?? Date.now;
  const nonce = options.nonce ?? randomNonce;
  return (incidentId, person, generation) =>
    ackPageUrl(
      config,
      keys.sign({ incidentId, person, generation, expiresAt: now() + config.ttlMs, nonce: nonce() }),
    ).href;
}
