import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash the first row is chained to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What happened, as the caller describes it. */
export interface AuditEvent {
  /** Slack user id, or `samaops` for the bot itself. */
  actor: string;
  /** e.g. `remediation.requested`, `remediation.approval-refused`, `remediation.succeeded`. */
  action: string;
  requestId?: string;
  /** Plain JSON: arguments, preview, evidence, outcome. */
  detail: Record<string, unknown>;
}

/** One stored row of the audit log. */
export interface AuditEntry {
  id: number;
  /** ISO time, millisecond precision (what timestamptz gives back to JavaScript unchanged). */
  at: string;
  actor: string;
  action: string;
  requestId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** sha256(prev_hash || canonical JSON of the row's content): the content is everything but the hashes. */
export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  const content = canonicalJson({
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    requestId: entry.requestId,
    detail: entry.detail,
  });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}
