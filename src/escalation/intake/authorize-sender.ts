import { createHash, timingSafeEqual } from 'node:crypto';
import type { IntakePolicy } from './alert-payload.js';

/** Constant-time comparison of two secrets (hashed first, so lengths leak nothing). */
function same(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** True when the Authorization header carries the inventory's bearer token or basic credentials. */
export function authorizeSender(header: string | undefined, policy: IntakePolicy): boolean {
  if (!header) return false;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' && policy.token !== undefined) return same(value, policy.token);
  if (scheme?.toLowerCase() === 'basic' && policy.username !== undefined && policy.password !== undefined) {
    return same(Buffer.from(value, 'base64').toString('utf8'), `${policy.username}:${policy.password}`);
  }
  return false;
}
