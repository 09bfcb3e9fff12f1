import type pg from 'pg';
import { msg } from '../../i18n/message.js';
import { type GuardContext, type Invocation, REQUEST_ID, tellActor } from './guard-context.js';

/**
 * What an Approve or Reject press needs first: a value shaped like a stored request id, and a
 * reachable store. Otherwise the refusal is told to the clicker alone and returned.
 */
export async function storeForButton(
  context: GuardContext,
  actor: Invocation,
  value: string,
): Promise<{ pool: pg.Pool } | { kind: 'unknown-request' | 'store-unavailable' }> {
  if (!REQUEST_ID.test(value)) {
    await tellActor(context, actor, msg('remediation.refused.unknownRequest'));
    return { kind: 'unknown-request' };
  }
  if (!context.pool) {
    await tellActor(context, actor, msg('remediation.refused.storeUnavailable'));
    return { kind: 'store-unavailable' };
  }
  return { pool: context.pool };
}
