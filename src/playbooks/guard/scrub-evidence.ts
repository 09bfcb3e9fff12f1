import { scrubSecrets } from '../../logging/scrub-secrets.js';

/**
 * Evidence holds raw output (container logs, query texts) that is stored and shown: every string
 * in it, at any depth, goes through the secret scrubber first.
 */
export function scrubEvidence<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubEvidence(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, scrubEvidence(member)]),
    ) as T;
  return value;
}
