import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { silentLogger } from '../../src/logging/logger.js';
import { appendAuditNow } from '../../src/store/audit/audit-log.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { captureIo } from '../cli/capture-io.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await createScratchDatabase();
  const pool = createBotDatabase(scratch.url, silentLogger());
  await migrate(pool);
  for (const action of ['remediation.requested', 'remediation.approved', 'remediation.succeeded'])
    await appendAuditNow(pool, {
      actor: 'UTESTOPS1',
      action,
      requestId: 'abcdef12-0000',
      detail: { remediation: 'vacuum', target: 'db' },
    });
  await pool.end();
});
afterAll(() => scratch.drop());

describe('samaops audit (real PostgreSQL)', () => {
  it('prints the newest entries, newest first', async () => {
    const run = captureIo({ DATABASE_URL: scratch.url });
    expect(await runCli(['audit', '2'], run.io)).toBe(0);
    const lines = run.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^#3 .* UTESTOPS1 remediation\.succeeded vacuum db \[abcdef12\]$/);
  });

  it('verifies the chain, then exits 2 naming the first bad row once a superuser edits one', async () => {
    const ok = captureIo({ DATABASE_URL: scratch.url });
    expect(await runCli(['audit', 'verify'], ok.io)).toBe(0);
    expect(ok.stdout()).toMatch(/journal d’audit OK : 3 lignes chaînées ; hachage de tête [0-9a-f]{64}/);

    const pool = createBotDatabase(scratch.url, silentLogger());
    await pool.query(
      "BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET actor = 'UOTHER' WHERE id = 2; ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only; COMMIT",
    );
    await pool.end();
    const broken = captureIo({ DATABASE_URL: scratch.url });
    expect(await runCli(['audit', 'verify'], broken.io)).toBe(2);
    expect(broken.stderr()).toContain('journal d’audit CASSÉ à la ligne 2 (content-modified)');
  });

  it('refuses bad arguments (64) and a missing DATABASE_URL (78)', async () => {
    expect(await runCli(['audit', '0; rm -rf /'], captureIo({ DATABASE_URL: scratch.url }).io)).toBe(64);
    const none = captureIo({});
    expect(await runCli(['audit', 'verify'], none.io)).toBe(78);
    expect(none.stderr()).toContain('DATABASE_URL n’est pas défini');
  });
});
