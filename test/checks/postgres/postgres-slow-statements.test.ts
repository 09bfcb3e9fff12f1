import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import {
  gradeSlowStatements,
  type SlowStatementRow,
} from '../../../src/checks/postgres/postgres-slow-statements.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { translate } from '../../../src/i18n/translate.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import {
  ADMIN_URL,
  connect,
  createScratchDatabase,
  postgresInventory,
  uniqueName,
} from './postgres-fixtures.js';
import { startPrivatePostgres } from './private-postgres.js';

// This machine's PostgreSQL ships pg_stat_statements but does not preload it, like a fresh server:
// both ways it can be missing are real here. Preloading it needs a restart, so the slow path runs on
// a private cluster of the same binaries.
describe('postgres.slow_statements without pg_stat_statements', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    database = await createScratchDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  const slowStatements = async () => {
    const inventory = postgresInventory(database.url);
    const clients = createPlatformClients(inventory, silentLogger());
    try {
      const diagnosis = await runChecks(buildChecks(['postgres.slow_statements'], inventory), {
        inventory,
        clients,
      });
      const result = diagnosis.results[0];
      if (!result) throw new Error('postgres.slow_statements did not run');
      return result;
    } finally {
      await clients.close();
    }
  };

  it('is unknown with the CREATE EXTENSION hint when the database lacks the extension', async () => {
    const result = await slowStatements();
    expect(result).toMatchObject({ status: 'unknown', value: null, data: { missing: 'extension' } });
    expect(translate('en', result.detail)).toContain('CREATE EXTENSION pg_stat_statements;');
    expect(translate('fr', result.detail)).toContain('shared_preload_libraries');
  });

  it('is unknown with the preload hint when the extension exists but the library is not loaded', async () => {
    const session = await connect(database.url);
    try {
      await session.query('CREATE EXTENSION pg_stat_statements');
      const { rows } = await session.query<{ preload: string }>(
        "SELECT current_setting('shared_preload_libraries') AS preload",
      );
      expect(rows[0]?.preload).not.toContain('pg_stat_statements');
    } finally {
      await session.end();
    }
    const result = await slowStatements();
    expect(result).toMatchObject({ status: 'unknown', value: null, data: { missing: 'preload' } });
    expect(translate('en', result.detail)).toContain('shared_preload_libraries');
  });
});

describe('postgres.slow_statements with pg_stat_statements preloaded', () => {
  const marker = uniqueName('slow');
  let server: Awaited<ReturnType<typeof startPrivatePostgres>>;

  beforeAll(async () => {
    server = await startPrivatePostgres({ shared_preload_libraries: 'pg_stat_statements' });
    const session = await connect(server.url);
    try {
      await session.query('CREATE EXTENSION pg_stat_statements');
      // CREATE EXTENSION itself can pass 200 ms on a busy machine: count only what follows.
      await session.query('SELECT pg_stat_statements_reset()');
      for (let i = 0; i < 2; i += 1) await session.query(`SELECT pg_sleep(0.3) /* ${marker} */`);
    } finally {
      await session.end();
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  const slowStatements = async (slowStatementMs: number) => {
    const inventory = postgresInventory(server.url, { thresholds: { slowStatementMs } });
    const clients = createPlatformClients(inventory, silentLogger());
    try {
      const diagnosis = await runChecks(buildChecks(['postgres.slow_statements'], inventory), {
        inventory,
        clients,
      });
      const result = diagnosis.results[0];
      if (!result) throw new Error('postgres.slow_statements did not run');
      return result;
    } finally {
      await clients.close();
    }
  };

  it('warns and names a statement whose mean execution time passes the threshold', async () => {
    const result = await slowStatements(200);
    expect(result.status).toBe('warn');
    expect(result.value).toBe(1);
    expect(result.detail.key).toBe('check.postgres.slow_statements.detail');
    expect(result.detail.params).toMatchObject({ count: 1, ms: 200, calls: 2 });
    expect(String(result.detail.params?.query)).toContain(marker);
    expect(Number(result.detail.params?.mean)).toBeGreaterThanOrEqual(300);
  });

  it('is ok when no statement is that slow on average', async () => {
    const result = await slowStatements(5000);
    expect(result).toMatchObject({ status: 'ok', value: 0, data: { thresholdMs: 5000, statements: [] } });
  });
});

describe('slow statement grading', () => {
  const inventory = postgresInventory(ADMIN_URL, { thresholds: { slowStatementMs: 500 } });
  const row = (mean: number, query: string): SlowStatementRow => ({
    query,
    calls: '12345678901',
    mean_ms: mean,
    total_ms: mean * 3,
    total: 4,
  });

  it('is ok when no statement is slow on average', () => {
    const outcome = gradeSlowStatements({ rows: [] }, inventory);
    expect(outcome).toMatchObject({ status: 'ok', value: 0, data: { thresholdMs: 500, statements: [] } });
  });

  it('warns, counts every slow statement and names the slowest with its mean and calls', () => {
    const outcome = gradeSlowStatements(
      { rows: [row(2500.4, 'SELECT *\n  FROM factures WHERE client_id = $1'), row(600, 'SELECT 2')] },
      inventory,
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.value).toBe(4);
    expect(outcome.detail.params).toEqual({
      count: 4,
      ms: 500,
      mean: 2500,
      calls: 12345678901,
      query: 'SELECT * FROM factures WHERE client_id = $1',
    });
  });
});
