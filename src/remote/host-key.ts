import { createHash } from 'node:crypto';
import type { Server } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { RemoteError } from './remote-error.js';

/** OpenSSH's fingerprint of a host key blob: what `ssh-keygen -lf key.pub` prints. */
export function openSshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * ssh2's `hostVerifier` for one server. Without one, ssh2 accepts ANY key, so it is always set:
 * the presented key must match the pinned fingerprint, unless the inventory says
 * `insecureAcceptAnyHostKey`, which is accepted with a warning at every connect. A refusal is kept
 * in `refusal()` because ssh2 only reports a generic "verification failed".
 */
export function pinnedHostKey(server: Server, logger: Logger) {
  let refusal: RemoteError | undefined;
  return {
    refusal: () => refusal,
    hostVerifier(keyBlob: Buffer): boolean {
      const presented = openSshFingerprint(keyBlob);
      if (server.insecureAcceptAnyHostKey) {
        logger.warn(
          { server: server.name, presented },
          'SSH host key NOT verified (insecureAcceptAnyHostKey): never use this in production',
        );
        return true;
      }
      const expected = server.hostKeyFingerprint;
      if (expected === undefined) {
        refusal = new RemoteError(
          'HOST_KEY_UNKNOWN',
          server.name,
          `host key of ${server.name} refused: no fingerprint is pinned in the inventory (presented ${presented})`,
        );
        return false;
      }
      if (presented !== expected) {
        refusal = new RemoteError(
          'HOST_KEY_MISMATCH',
          server.name,
          `host key of ${server.name} refused: expected ${expected}, presented ${presented}`,
        );
        return false;
      }
      return true;
    },
  };
}
