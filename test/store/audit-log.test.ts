import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { appendAuditNow, latestAudit } from '../../src/store/audit/audit-log.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

let scratch: ScratchDatabase;
let pool: pg.Pool;
beforeEach(async () => {
  scratch = await createScratchDatabase();
  pool = createBotDatabase(scratch.url, silentLogger(), { max: 20 });
  await migrate(pool);
});
afterEach(async () => {
  await pool.end();
  await scratch.drop();
});

async function appendFive(): Promise<void> {
  for (let index = 1; index <= 5; index += 1) {
    await appendAuditNow(pool, {
      actor: 'UTESTOPS1',
      action: 'remediation.requested',
      requestId: `req-${index}`,
      detail: { index, args: { container: 'samaconso_api_1' }, note: 'é ü' },
    });
  }
}

/** The table's owner (postgres, a superuser here) can switch the append-only trigger off: the chain must still tell. */
async function asSuperuser(sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(sql);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('audit log (real PostgreSQL)', () => {
  it('chains every row to the previous one, even with 40 concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        appendAuditNow(pool, { actor: `U${index}`, action: 'test.concurrent', detail: { index } }),
      ),
    );
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 40 });
    const latest = await latestAudit(pool, 3);
    expect(latest.map((entry) => entry.id)).toEqual([40, 39, 38]);
    expect(latest[0]?.prevHash).toBe(latest[1]?.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through its trigger', async () => {
    await appendFive();
    await expect(pool.query("UPDATE audit_log SET actor = 'x' WHERE id = 2")).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log WHERE id = 2')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 5 });
  });

  it('names the first modified row when a superuser edits one behind the trigger', async () => {
    await appendFive();
    await asSuperuser(`UPDATE audit_log SET detail = jsonb_set(detail, '{index}', '99') WHERE id = 3`);
    expect(await verifyAuditChain(pool)).toEqual({ ok: false, rows: 2, rowId: 3, fault: 'content-modified' });
  });

  it('names the row after a deleted one', async () => {
    await appendFive();
    await asSuperuser('DELETE FROM audit_log WHERE id = 2');
    expect(await verifyAuditChain(pool)).toEqual({ ok: false, rows: 1, rowId: 3, fault: 'id-gap' });
  });

  it('detects a deletion hidden by renumbering the later rows', async () => {
    await appendFive();
    await asSuperuser('DELETE FROM audit_log WHERE id = 2; UPDATE audit_log SET id = id - 1 WHERE id > 2');
    const verdict = await verifyAuditChain(pool);
    expect(verdict).toMatchObject({ ok: false, rowId: 2 });
    expect(['chain-broken', 'content-modified']).toContain(verdict.ok ? '' : verdict.fault);
  });

  it('detects the newest rows deleted', async () => {
    await appendFive();
    await asSuperuser('DELETE FROM audit_log WHERE id >= 4');
    expect(await verifyAuditChain(pool)).toEqual({ ok: false, rows: 3, rowId: 4, fault: 'tail-missing' });
  });
});
