import type pg from 'pg';
import { entryHash, GENESIS_HASH } from './audit-entry.js';
import { auditHead, auditPage } from './audit-log.js';

/** Why a row breaks the chain. */
export type AuditFault =
  /** Its content no longer gives its hash: the row was edited. */
  | 'content-modified'
  /** Its prev_hash is not the previous row's hash: a row before it was deleted or replaced. */
  | 'chain-broken'
  /** Its id does not follow the previous one: rows were deleted. */
  | 'id-gap'
  /** The head names rows that are not there: the newest rows were deleted. */
  | 'tail-missing';

/** The verifier's answer: the whole chain holds, or the first row where it does not. */
export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; rowId: number; fault: AuditFault };

const PAGE = 1000;

/**
 * Walks the log in id order and returns the first bad row. Catches tampering by anyone who can
 * bypass the append-only trigger (a superuser), unless they also rewrite every later hash and
 * the head, which an external copy of the head hash (printed by `samaops audit verify`) shows.
 */
export async function verifyAuditChain(pool: pg.Pool): Promise<AuditVerdict> {
  let previousId = 0;
  let previousHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await auditPage(pool, previousId, PAGE);
    for (const entry of page) {
      if (entry.id !== previousId + 1) return { ok: false, rows, rowId: entry.id, fault: 'id-gap' };
      if (entry.prevHash !== previousHash) return { ok: false, rows, rowId: entry.id, fault: 'chain-broken' };
      if (entryHash(entry.prevHash, entry) !== entry.hash)
        return { ok: false, rows, rowId: entry.id, fault: 'content-modified' };
      previousId = entry.id;
      previousHash = entry.hash;
      rows += 1;
    }
    if (page.length < PAGE) break;
  }
  const head = await auditHead(pool);
  if (head.lastId !== previousId || head.lastHash !== previousHash)
    return { ok: false, rows, rowId: previousId + 1, fault: 'tail-missing' };
  return { ok: true, rows };
}
