import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { boundedPostgres } from '../../src/platform/bounded-postgres.js';

const pool = new pg.Pool({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres', max: 2 });
afterAll(() => pool.end());

describe('boundedPostgres (real PostgreSQL)', () => {
  it('cancels a statement past the timeout on the server, and the connection stays usable', async () => {
    const reader = boundedPostgres(pool, 200);
    const started = performance.now();
    await expect(reader.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
    // Cancelled by the server long before pg_sleep(5) would have ended.
    expect(performance.now() - started).toBeLessThan(4000);
    const { rows } = await reader.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]?.one).toBe(1);
  });

  it('refuses to write: a check never changes the database it watches', async () => {
    const reader = boundedPostgres(pool, 1000);
    await expect(reader.query('CREATE TABLE samaops_must_not_exist (id int)')).rejects.toMatchObject({
      code: '25006',
    });
    const { rows } = await pool.query("SELECT to_regclass('samaops_must_not_exist') AS found");
    expect(rows[0]?.found).toBeNull();
  });

  it('leaves no session setting behind (SET LOCAL ends with the transaction)', async () => {
    const reader = boundedPostgres(pool, 1234);
    const inside = await reader.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(inside.rows[0]?.statement_timeout).toBe('1234ms');
    const client = await pool.connect();
    try {
      const after = await client.query<{ statement_timeout: string }>('SHOW statement_timeout');
      expect(after.rows[0]?.statement_timeout).toBe('0');
    } finally {
      client.release();
    }
  });
});
