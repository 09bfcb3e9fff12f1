import { scrubSecrets } from './scrub-secrets.js';

/** A short, secret-free reason for an error, fit for a log field or an ephemeral answer. */
export function errorReason(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return scrubSecrets(text).slice(0, 200);
}
