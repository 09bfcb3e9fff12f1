import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTUALLY_MS } from '../support/eventually.js';
import { isAlive, portOpen, readPid, run, spawnDetached, stopProcess, waitUntil } from './lab-process.js';
import { LAB_PG_DIR, labServices } from './lab-topology.js';

/**
 * The lab's own PostgreSQL 15 cluster on 127.0.0.2:5432 (the machine's server is never touched)
 * with pg_stat_statements preloaded, and PgBouncer in front of it on 127.0.0.2:6432, as on the
 * runbook's SERVEUR 1. Both run as the `postgres` OS user, which PostgreSQL and PgBouncer require.
 */

const BIN = '/usr/lib/postgresql/15/bin';
const paths = {
  data: join(LAB_PG_DIR, 'pgdata'),
  run: join(LAB_PG_DIR, 'run'),
  log: join(LAB_PG_DIR, 'postgres.log'),
  bouncerDir: join(LAB_PG_DIR, 'pgbouncer'),
  bouncerPid: join(LAB_PG_DIR, 'pgbouncer', 'pgbouncer.pid'),
};

/** Superuser connection arguments for psql, over the lab cluster's own socket directory. */
export const psqlSuperuser = ['-h', paths.run, '-p', String(labServices.postgres.port), '-U', 'postgres'];

/** Runs one statement as the lab cluster's superuser in `database` (default the application's); its output, trimmed. */
export async function sqlAsSuperuser(
  statement: string,
  database: string = labServices.postgres.database,
): Promise<string> {
  return (await run('psql', [...psqlSuperuser, '-d', database, '-qAtX', '-c', statement])).trim();
}

/** The postgres OS user's uid and gid. */
export function postgresOsUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('no postgres OS user: apt-get install postgresql-15');
  return { uid: Number(uid), gid: Number(gid) };
}

function postmasterPid(): number | undefined {
  const file = join(paths.data, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) ? pid : undefined;
}

/** The lab cluster's postmaster pid while it runs. */
export function postgresPid(): number | undefined {
  const pid = postmasterPid();
  return isAlive(pid, 'postgres') ? pid : undefined;
}

/** The lab PgBouncer's pid while it runs. */
export function pgbouncerPid(): number | undefined {
  const pid = readPid(paths.bouncerPid);
  return isAlive(pid, 'pgbouncer') ? pid : undefined;
}

function postgresRunning(): boolean {
  return postgresPid() !== undefined;
}

function pgbouncerRunning(): boolean {
  return pgbouncerPid() !== undefined;
}

/** initdb once, start when stopped, then create the samaconso role, database and extension. */
export async function startPostgres(): Promise<void> {
  const owner = postgresOsUser();
  for (const dir of [LAB_PG_DIR, paths.run, paths.bouncerDir]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    await run('chown', [`${owner.uid}:${owner.gid}`, dir]);
  }
  if (!existsSync(join(paths.data, 'PG_VERSION'))) {
    await run(
      `${BIN}/initdb`,
      ['-D', paths.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'],
      owner,
    );
    writeFileSync(join(paths.data, 'postgresql.auto.conf'), serverSettings());
  }
  if (!postgresRunning()) {
    await run(`${BIN}/pg_ctl`, ['-D', paths.data, '-l', paths.log, '-w', '-t', '30', 'start'], owner);
  }
  await run('psql', [
    ...psqlSuperuser,
    '-d',
    'postgres',
    '-qAt',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    setupServerSql(),
  ]);
  const { database, user } = labServices.postgres;
  const exists = await run('psql', [
    ...psqlSuperuser,
    '-d',
    'postgres',
    '-qAt',
    '-c',
    `SELECT 1 FROM pg_database WHERE datname = '${database}'`,
  ]);
  // CREATE DATABASE has no IF NOT EXISTS and cannot run inside a DO block.
  if (exists.trim() !== '1') {
    await run('psql', [
      ...psqlSuperuser,
      '-d',
      'postgres',
      '-qAt',
      '-c',
      `CREATE DATABASE ${database} OWNER ${user}`,
    ]);
  }
  await run('psql', [
    ...psqlSuperuser,
    '-d',
    labServices.postgres.database,
    '-qAt',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    setupDatabaseSql(),
  ]);
}

/** Stops the cluster (fast mode: open sessions are cut, as `down` wants). */
export async function stopPostgres(): Promise<void> {
  if (!postgresRunning()) return;
  await run(`${BIN}/pg_ctl`, ['-D', paths.data, '-m', 'fast', '-w', '-t', '30', 'stop'], postgresOsUser());
}

/** Starts PgBouncer in front of the cluster (no-op when it runs). */
export async function startPgbouncer(): Promise<void> {
  const { address, port } = labServices.pgbouncer;
  if (!pgbouncerRunning()) {
    const owner = postgresOsUser();
    const ini = join(paths.bouncerDir, 'pgbouncer.ini');
    const users = join(paths.bouncerDir, 'userlist.txt');
    const { user, password } = labServices.postgres;
    writeFileSync(users, `"${user}" "${password}"\n"postgres" ""\n`, { mode: 0o600 });
    writeFileSync(ini, pgbouncerIni(users));
    await run('chown', [`${owner.uid}:${owner.gid}`, ini, users]);
    spawnDetached('/usr/sbin/pgbouncer', [ini], {
      log: join(paths.bouncerDir, 'pgbouncer.log'),
      pidFile: paths.bouncerPid,
      ...owner,
    });
  }
  await waitUntil(`pgbouncer on ${address}:${port}`, () => portOpen(address, port), EVENTUALLY_MS);
}

/** Stops PgBouncer. */
export async function stopPgbouncer(): Promise<void> {
  await stopProcess(pgbouncerPid(), paths.bouncerPid);
}

function serverSettings(): string {
  const { address, port } = labServices.postgres;
  return [
    `listen_addresses = '${address}'`,
    `port = ${port}`,
    // Its own socket directory: the machine's cluster owns /var/run/postgresql/.s.PGSQL.5432.
    `unix_socket_directories = '${paths.run}'`,
    "shared_preload_libraries = 'pg_stat_statements'",
    'pg_stat_statements.track = top',
    'max_connections = 60',
    'shared_buffers = 32MB',
    // A throwaway cluster: durability is not worth the start-up and write time.
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    '',
  ].join('\n');
}

function setupServerSql(): string {
  const { user, password } = labServices.postgres;
  return `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user}') THEN
      CREATE ROLE ${user} LOGIN PASSWORD '${password}';
    END IF;
  END $$;
  -- The bot reads every session's query text and may terminate the application's queries.
  GRANT pg_read_all_stats, pg_signal_backend TO ${user};`;
}

function setupDatabaseSql(): string {
  const { user } = labServices.postgres;
  return `SET pg_stat_statements.track = 'none';
  CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
  CREATE TABLE IF NOT EXISTS compteurs (id serial PRIMARY KEY, numero text NOT NULL, index_kwh numeric NOT NULL);
  CREATE TABLE IF NOT EXISTS lab_lock_target (id int PRIMARY KEY);
  ALTER TABLE compteurs OWNER TO ${user};
  ALTER TABLE lab_lock_target OWNER TO ${user};
  INSERT INTO compteurs (numero, index_kwh)
    SELECT 'SN' || g, g * 1.5 FROM generate_series(1, 2000) g WHERE NOT EXISTS (SELECT FROM compteurs);
  -- Warm the cache so that the cache-hit ratio of a fresh cluster is that of a running one.
  DO $$ BEGIN FOR i IN 1..300 LOOP PERFORM count(*) FROM compteurs; END LOOP; END $$;`;
}

function pgbouncerIni(users: string): string {
  const { address, port, database } = labServices.postgres;
  const bouncer = labServices.pgbouncer;
  return [
    '[databases]',
    `${database} = host=${address} port=${port} dbname=${database}`,
    `postgres = host=${address} port=${port} dbname=postgres`,
    '',
    '[pgbouncer]',
    `listen_addr = ${bouncer.address}`,
    `listen_port = ${bouncer.port}`,
    `unix_socket_dir = ${paths.run}`,
    'auth_type = md5',
    `auth_file = ${users}`,
    'pool_mode = transaction',
    'max_client_conn = 1000',
    'default_pool_size = 20',
    'admin_users = postgres',
    // PgBouncer refuses startup parameters it does not track; the bot sends none (its statement
    // timeout is a SET LOCAL, src/platform/bounded-postgres.ts), so the lab keeps the usual setting.
    'ignore_startup_parameters = extra_float_digits',
    '',
  ].join('\n');
}
