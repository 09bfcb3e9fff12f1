import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploymentError } from '../../src/config/deployment-error.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate, shippedMigrations } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(() => scratch.drop());

describe('migrate (real PostgreSQL)', () => {
  it('applies the shipped migrations once, even when two replicas start together', async () => {
    const a = createBotDatabase(scratch.url, silentLogger());
    const b = createBotDatabase(scratch.url, silentLogger());
    const [first, second] = await Promise.all([migrate(a), migrate(b)]);
    const names = shippedMigrations().map((migration) => migration.name);
    expect([...first, ...second].sort()).toEqual(names);
    expect(await migrate(a)).toEqual([]);
    const { rows } = await a.query('SELECT count(*)::int AS n FROM samaops_instance');
    expect(rows[0]?.n).toBe(1);
    await Promise.all([a.end(), b.end()]);
  });

  it('rolls back a failing migration and names it', async () => {
    const dir = `${mkdtempSync(join(tmpdir(), 'samaops-migrations-'))}/`;
    writeFileSync(`${dir}900-good.sql`, 'CREATE TABLE migrate_good (id int);');
    writeFileSync(`${dir}901-bad.sql`, 'CREATE TABLE migrate_half (id int); SELECT no_such_function();');
    const pool = createBotDatabase(scratch.url, silentLogger());
    await expect(migrate(pool, [...shippedMigrations(), ...shippedMigrations(dir)])).rejects.toThrow(
      'migration 901-bad.sql failed',
    );
    const { rows } = await pool.query(
      "SELECT to_regclass('migrate_good') AS good, to_regclass('migrate_half') AS half",
    );
    expect(rows[0]).toEqual({ good: 'migrate_good', half: null });
    await pool.end();
  });

  it('refuses, untouched, a database migrated by a newer samaops', async () => {
    const newer = await createScratchDatabase();
    const pool = createBotDatabase(newer.url, silentLogger());
    try {
      const shipped = shippedMigrations();
      await migrate(pool, shipped.slice(0, 1));
      await pool.query("INSERT INTO samaops_migrations (name) VALUES ('999-from-the-future.sql')");
      const refusal = migrate(pool, shipped);
      await expect(refusal).rejects.toBeInstanceOf(DeploymentError);
      await expect(refusal).rejects.toThrow(/newer than this samaops \(it has 999-from-the-future\.sql\)/);
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM samaops_migrations');
      expect(rows[0]?.n).toBe(2);
    } finally {
      await pool.end();
      await newer.drop();
    }
  });
});
