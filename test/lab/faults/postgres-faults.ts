import { join } from 'node:path';
import { sqlAsSuperuser } from '../lab-postgres.js';
import { isAlive, signal, spawnDetached, waitUntil } from '../lab-process.js';
import { LAB_DIR, labServices } from '../lab-topology.js';
import type { LabFault } from './lab-fault.js';

/** Faults on the lab's PostgreSQL: sessions held open by detached psql processes, as the application's user. */

const { address, port, database, user } = labServices.postgres;
/** Target name of the PostgreSQL checks (through PgBouncer). */
const postgresTarget = `${labServices.pgbouncer.address}:${labServices.pgbouncer.port}/${database}`;

const sql = (statement: string) => sqlAsSuperuser(statement);

/** Starts a psql session of the application's user running `commands`, tagged with `application_name`. */
function session(application: string, commands: string[]): number {
  return spawnDetached(
    'psql',
    [
      '-h',
      address,
      '-p',
      String(port),
      '-U',
      user,
      '-d',
      database,
      '-qX',
      ...commands.flatMap((c) => ['-c', c]),
    ],
    {
      log: join(LAB_DIR, `${application}.log`),
      pidFile: join(LAB_DIR, `${application}.pid`),
      env: { ...process.env, PGAPPNAME: application },
    },
  );
}

/** Terminates the lab's tagged sessions and their psql processes, and waits until they are gone. */
async function endSessions(prefix: string, pids: unknown[]): Promise<void> {
  await sql(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '${prefix}%'`,
  );
  for (const pid of pids) if (typeof pid === 'number' && isAlive(pid, 'psql')) signal(pid, 'SIGTERM');
  await waitUntil(
    `sessions ${prefix}* gone`,
    async () =>
      (await sql(`SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '${prefix}%'`)) === '0',
    10_000,
  );
}

/** A real query running far past the lab's 2 s long-query threshold. */
export const longQuery: LabFault = {
  name: 'long-query',
  description: 'a pg_sleep(3600) query of samaconso_user, running until healed',
  async inject() {
    const pid = session('samaops-lab-long-query', ['SELECT pg_sleep(3600) /* samaops-lab:long-query */']);
    await waitUntil(
      'long query running',
      async () =>
        (await sql(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'samaops-lab-long-query' AND state = 'active'",
        )) === '1',
      10_000,
    );
    return { pid };
  },
  heal: (record) => endSessions('samaops-lab-long-query', [record.pid]),
  detectedBy: [{ id: 'postgres.long_queries', target: postgresTarget }],
};

/** A session holding ACCESS EXCLUSIVE on a table, and another one blocked behind it. */
export const lock: LabFault = {
  name: 'lock',
  description: 'a session holds ACCESS EXCLUSIVE on lab_lock_target; another waits for it',
  async inject() {
    const holder = session('samaops-lab-lock-holder', [
      'BEGIN',
      'LOCK TABLE lab_lock_target IN ACCESS EXCLUSIVE MODE',
      'SELECT pg_sleep(3600) /* samaops-lab:lock-holder */',
    ]);
    await waitUntil(
      'lock held',
      async () =>
        (await sql(
          "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'lab_lock_target' AND l.mode = 'AccessExclusiveLock' AND l.granted",
        )) === '1',
      10_000,
    );
    const waiter = session('samaops-lab-lock-waiter', [
      'SELECT count(*) FROM lab_lock_target /* samaops-lab:lock-waiter */',
    ]);
    await waitUntil(
      'waiter blocked',
      async () =>
        (await sql(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'samaops-lab-lock-waiter' AND cardinality(pg_blocking_pids(pid)) > 0",
        )) === '1',
      10_000,
    );
    return { pids: [holder, waiter] };
  },
  heal: (record) => endSessions('samaops-lab-lock-', Array.isArray(record.pids) ? record.pids : []),
  detectedBy: [{ id: 'postgres.blocking', target: postgresTarget }],
};
