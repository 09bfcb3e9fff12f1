import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { DeploymentError } from '../config/deployment-error.js';
import { msg } from '../i18n/message.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** An arbitrary constant: the advisory lock that serialises migrations between bot replicas. */
const MIGRATION_LOCK = 7_243_001;

/** One SQL migration file, applied once, in file-name order. */
export interface Migration {
  name: string;
  sql: string;
}

/** The migrations shipped in src/store/migrations (`NNN-name.sql`; areas keep their own number ranges). */
export function shippedMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file, sql: readFileSync(`${dir}${file}`, 'utf8') }));
}

/**
 * Applies the migrations not yet recorded in `samaops_migrations`, each in its own transaction,
 * under an advisory lock so that two replicas starting together never race. Returns the names
 * applied now. Run by `samaops migrate` (the unit's ExecStartPre), at start by the bot, and by
 * tests on their scratch database. A database migrated by a newer samaops is refused, untouched.
 */
export async function migrate(
  pool: pg.Pool,
  migrations: Migration[] = shippedMigrations(),
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS samaops_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string }>('SELECT name FROM samaops_migrations');
    const done = new Set(rows.map((row) => row.name));
    refuseNewerSchema(done, migrations);
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO samaops_migrations (name) VALUES ($1)', [migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * A database holding migrations this code does not ship was migrated by a newer samaops: running
 * on it could write rows the newer schema no longer means. Refused with what to do instead.
 */
function refuseNewerSchema(applied: Set<string>, known: Migration[]): void {
  const knownNames = new Set(known.map((migration) => migration.name));
  const unknown = [...applied].filter((name) => !knownNames.has(name)).sort();
  if (unknown.length === 0) return;
  throw new DeploymentError(
    'SCHEMA_AHEAD',
    msg('deploy.schemaAhead', { migrations: unknown.join(', ') }),
    `the bot database's schema is newer than this samaops (it has ${unknown.join(', ')}): run the samaops version that migrated it, or restore the database backup taken before that upgrade`,
  );
}
