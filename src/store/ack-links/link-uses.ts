import type { Queryable } from '../incidents/incident-queries.js';

/** What an ack link did: the two acts a page's link offers. */
export type LinkAction = 'acknowledge' | 'escalate';

/**
 * Records that the link `nonce` acts now; false when it already has (a replay). Run inside the
 * step's transaction, so the record and the step commit together or not at all.
 */
export async function claimLinkUse(
  db: Queryable,
  use: { nonce: string; incidentId: number; person: string; action: LinkAction; at: number },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO ack_link_uses (nonce, incident_id, person, action, used_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (nonce) DO NOTHING`,
    [use.nonce, use.incidentId, use.person, use.action, new Date(use.at)],
  );
  return rowCount === 1;
}

/** What the link `nonce` did, or null while unused (the page says so before offering its buttons). */
export async function linkUse(
  db: Queryable,
  nonce: string,
): Promise<{ action: LinkAction; at: number } | null> {
  const { rows } = await db.query<{ action: LinkAction; used_at: Date }>(
    'SELECT action, used_at FROM ack_link_uses WHERE nonce = $1',
    [nonce],
  );
  const row = rows[0];
  return row ? { action: row.action, at: row.used_at.getTime() } : null;
}
