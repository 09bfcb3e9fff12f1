import type pg from 'pg';
import { inTransaction } from '../in-transaction.js';
import { type AuditEntry, type AuditEvent, entryHash } from './audit-entry.js';

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  request_id: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Plain JSON as jsonb will give it back: no Dates, no undefined, no NUL (jsonb refuses it). */
function plainJson(detail: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(detail, (_key, value: unknown) =>
      typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value,
    ),
  ) as Record<string, unknown>;
}

/**
 * Appends one entry inside the caller's transaction (so an audit row and the state change it
 * records commit together). Locks the head row: concurrent writers, on any replica, queue up and
 * each chains to the one before.
 */
export async function appendAudit(client: pg.ClientBase, event: AuditEvent): Promise<AuditEntry> {
  const { rows } = await client.query<{ last_id: string; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE id FOR UPDATE',
  );
  const head = rows[0];
  if (!head) throw new Error('audit_head row missing: the bot database is not migrated');
  const content = {
    id: Number(head.last_id) + 1,
    at: new Date().toISOString(),
    actor: event.actor,
    action: event.action,
    requestId: event.requestId ?? null,
    detail: plainJson(event.detail),
  };
  const hash = entryHash(head.last_hash, content);
  await client.query(
    `INSERT INTO audit_log (id, at, actor, action, request_id, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      content.id,
      content.at,
      content.actor,
      content.action,
      content.requestId,
      content.detail,
      head.last_hash,
      hash,
    ],
  );
  await client.query('UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id', [content.id, hash]);
  return { ...content, prevHash: head.last_hash, hash };
}

/** Appends one entry in a transaction of its own (an event that changes no other state). */
export async function appendAuditNow(pool: pg.Pool, event: AuditEvent): Promise<AuditEntry> {
  return inTransaction(pool, (client) => appendAudit(client, event));
}

/** Turns a stored row back into an entry. */
export function entryFromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    requestId: row.request_id,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Rows in id order after `afterId`, at most `limit`: the verifier's page. */
export async function auditPage(pool: pg.Pool, afterId: number, limit: number): Promise<AuditEntry[]> {
  const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [
    afterId,
    limit,
  ]);
  return rows.map(entryFromRow);
}

/** The newest `count` entries, newest first (`/sama audit [n]`, `samaops audit [n]`). */
export async function latestAudit(pool: pg.Pool, count: number): Promise<AuditEntry[]> {
  const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [count]);
  return rows.map(entryFromRow);
}

/** The head as the writers left it: the last id and hash. */
export async function auditHead(pool: pg.Pool): Promise<{ lastId: number; lastHash: string }> {
  const { rows } = await pool.query<{ last_id: string; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE id',
  );
  const head = rows[0];
  if (!head) throw new Error('audit_head row missing: the bot database is not migrated');
  return { lastId: Number(head.last_id), lastHash: head.last_hash };
}
