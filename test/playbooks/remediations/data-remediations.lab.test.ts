import { randomBytes, randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemediationPreview } from '../../../src/core/remediation/remediation.js';
import { translate } from '../../../src/i18n/translate.js';
import { remediations } from '../../../src/playbooks/remediations/index.js';
import { RemediationError } from '../../../src/playbooks/remediations/remediation-error.js';
import { type LabSession, openLabSession } from '../../lab/lab-session.js';
import { labServices } from '../../lab/lab-topology.js';
import { eventually as waitUntil } from '../../support/eventually.js';
import { argsOf, detections, labContext } from './remediation-lab-context.js';

/** kill-queries, vacuum, purge and flush-redis against the lab's real PostgreSQL, RabbitMQ and Redis. */

let lab: LabSession;

beforeAll(async () => {
  lab = await openLabSession();
});

afterAll(async () => {
  await lab?.close();
});

/** A session of the application's user, straight to the lab's PostgreSQL (as the API would be). */
async function appSession(tag: string): Promise<pg.Client> {
  const { address, port, database, user, password } = labServices.postgres;
  const client = new pg.Client({ host: address, port, database, user, password, application_name: tag });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function backendOf(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
}

describe('kill-queries', () => {
  it('terminates exactly the previewed query and skips a pid whose query changed', async () => {
    const tag = `remtest-${randomUUID()}`;
    const victim = await appSession(tag);
    const changer = await appSession(tag);
    const observer = await appSession(`${tag}-observer`);
    try {
      const [victimPid, changerPid] = [await backendOf(victim), await backendOf(changer)];
      const victimQuery = victim
        .query('SELECT pg_sleep(3600) /* remtest victim */')
        .catch((error: Error) => error);
      const firstChange = changer
        .query('SELECT pg_sleep(3600) /* remtest first */')
        .catch((error: Error) => error);
      const kill = remediations['kill-queries'];
      const context = labContext(lab.inventory, lab.clients);
      const args = argsOf(kill.parse(['1s'], lab.inventory));
      expect(args).toEqual({ olderThanSeconds: 1 });
      expect(kill.tier(args, lab.inventory)).toBe(2);

      let preview: RemediationPreview = { lines: [], data: {} };
      const mine = (p: RemediationPreview) =>
        (p.data.queries as { pid: number }[]).filter((q) => q.pid === victimPid || q.pid === changerPid);
      await waitUntil('both sessions older than 1 s in the preview', async () => {
        preview = await kill.preview(context, args);
        return mine(preview).length === 2;
      });
      const listed = mine(preview) as {
        pid: number;
        user: string;
        backendStart: string;
        queryStart: string;
        query: string;
      }[];
      expect(listed.map((q) => q.user)).toEqual(['samaconso_user', 'samaconso_user']);
      for (const query of listed) {
        expect(query.backendStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        expect(query.queryStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      }
      const line = preview.lines
        .map((each) => translate('en', each))
        .find((text) => text.startsWith(`pid ${victimPid} `));
      expect(line).toMatch(
        /^pid \d+ \(samaconso_user\), for \d+ s: SELECT pg_sleep\(3600\) \/\* remtest victim \*\/ — backend_start .*Z, query_start .*Z$/,
      );

      const evidence = await kill.evidence(context, args);
      const rows = evidence.pgStatActivity as { pid: number; application_name: string }[];
      expect(
        rows
          .filter((row) => row.application_name === tag)
          .map((row) => row.pid)
          .sort(),
      ).toEqual([victimPid, changerPid].sort());

      // The changer's session moves on to another query: same pid and backend, new query_start.
      await observer.query('SELECT pg_cancel_backend($1)', [changerPid]);
      expect(await firstChange).toBeInstanceOf(Error);
      const secondChange = changer
        .query('SELECT pg_sleep(3600) /* remtest second */')
        .catch((error: Error) => error);

      // Only this test's sessions: another long query on the lab is not this test's to end.
      const scoped = { ...preview, data: { ...preview.data, queries: listed } };
      const outcome = await kill.run(context, args, scoped);
      expect(outcome.ok).toBe(true);
      expect(outcome.data).toEqual({ terminated: [victimPid], skipped: [changerPid], refused: [] });
      expect(translate('en', outcome.summary)).toBe(
        `Terminated: ${victimPid}; skipped (query changed or ended): ${changerPid}`,
      );
      expect(String(await victimQuery)).toMatch(/terminat/);

      const alive = await observer.query<{ pid: number; query: string }>(
        'SELECT pid, query FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid',
        [tag],
      );
      expect(alive.rows).toEqual([{ pid: changerPid, query: 'SELECT pg_sleep(3600) /* remtest second */' }]);
      await observer.query('SELECT pg_cancel_backend($1)', [changerPid]);
      expect(await secondChange).toBeInstanceOf(Error);
      expect(kill.verifiedBy(args, lab.inventory)).toEqual([
        { id: 'postgres.long_queries', target: '127.0.0.2:6432/samaconso' },
      ]);
    } finally {
      await observer.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [tag],
      );
      await Promise.all([victim, changer, observer].map((client) => client.end().catch(() => undefined)));
    }
  });
});

describe('vacuum', () => {
  it('runs VACUUM ANALYZE on one real table found in the catalog, quoted from catalog names', async () => {
    const table = `remtest_vacuum_${randomBytes(4).toString('hex')}`;
    const owner = await appSession('remtest-vacuum');
    const vacuum = remediations.vacuum;
    const context = labContext(lab.inventory, lab.clients);
    try {
      await owner.query(`CREATE TABLE ${table} (id int primary key, note text)`);
      await owner.query(`INSERT INTO ${table} SELECT g, 'x' FROM generate_series(1, 2000) g`);
      await owner.query(`DELETE FROM ${table} WHERE id % 2 = 0`);
      const args = argsOf(vacuum.parse([table.toUpperCase()], lab.inventory));
      expect(vacuum.tier(args, lab.inventory)).toBe(1);
      const preview = await vacuum.preview(context, args);
      expect(preview.data.statement).toBe(`VACUUM (ANALYZE) "public"."${table}"`);
      const outcome = await vacuum.run(context, args, preview);
      expect(outcome.ok, outcome.output).toBe(true);
      // Statistics reach other sessions within about a second (PostgreSQL 15 flushes them lazily).
      await waitUntil(
        'vacuum and analyze recorded',
        async () => {
          const { rows } = await owner.query(
            'SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL AS done, n_dead_tup FROM pg_stat_user_tables WHERE relname = $1',
            [table],
          );
          return rows[0]?.done === true && Number(rows[0]?.n_dead_tup) === 0;
        },
        10_000,
      );
    } finally {
      await owner.query(`DROP TABLE IF EXISTS ${table}`);
      await owner.end();
    }
  });

  it('refuses a table that does not exist, or a system catalog, before and at execution', async () => {
    const vacuum = remediations.vacuum;
    const context = labContext(lab.inventory, lab.clients);
    const args = argsOf(vacuum.parse(['no_such_table_here'], lab.inventory));
    const error = await vacuum.preview(context, args).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RemediationError);
    expect((error as RemediationError).code).toBe('REMEDIATION_TARGET_GONE');
    // With the tables one may name instead (user tables only, most dead tuples first).
    expect(translate('en', (error as RemediationError).reason)).toMatch(
      /^table no_such_table_here does not exist\. Valid tables: public\.\w+/,
    );
    const catalog = await vacuum
      .preview(context, argsOf(vacuum.parse(['pg_class'], lab.inventory)))
      .catch((caught: unknown) => caught);
    expect(translate('en', (catalog as RemediationError).reason)).toMatch(
      /^pg_catalog\.pg_class is a PostgreSQL system catalog: not a target of `\/sama vacuum`\. Valid tables: public\./,
    );
    // A stored argument tampered with after parse is refused before any SQL is built from it.
    const tampered = await vacuum
      .run(context, { table: 'x; DROP TABLE users' }, { lines: [], data: {} })
      .catch((caught: unknown) => caught);
    expect((tampered as RemediationError).code).toBe('REMEDIATION_ARGS_INVALID');
  });
});

describe('purge', () => {
  it('purges a real backlog: preview shows depth and consumers, evidence the depth before', async () => {
    const queue = `remtest-purge-${randomUUID()}`;
    const inventory = {
      ...lab.inventory,
      services: {
        ...lab.inventory.services,
        rabbitmq: {
          ...(lab.inventory.services.rabbitmq ?? { url: '', queues: [] }),
          queues: ['urgent', queue],
        },
      },
    };
    const connection = await amqp.connect(labServices.rabbitmq.url);
    const channel = await connection.createConfirmChannel();
    try {
      await channel.assertQueue(queue, { durable: false });
      for (let index = 0; index < 25; index += 1) channel.sendToQueue(queue, Buffer.from(`message ${index}`));
      await channel.waitForConfirms();
      const purge = remediations.purge;
      const context = labContext(inventory, lab.clients);
      const args = argsOf(purge.parse([queue], inventory));
      expect(purge.tier(args, inventory)).toBe(2);
      expect(purge.tier(argsOf(purge.parse(['urgent'], inventory)), inventory)).toBe(3);
      const preview = await purge.preview(context, args);
      expect(preview.data).toEqual({ queue, messages: 25, consumers: 0 });
      expect(await purge.evidence(context, args)).toEqual({ queue, messagesBefore: 25, consumersBefore: 0 });
      const outcome = await purge.run(context, args, preview);
      expect(outcome).toMatchObject({ ok: true, data: { queue, purged: 25 } });
      expect((await channel.checkQueue(queue)).messageCount).toBe(0);
    } finally {
      await channel.deleteQueue(queue);
      await connection.close();
    }
  });
});

describe('flush-redis', () => {
  it('FLUSHDB on the lab Redis: preview counts the keys, run empties the database', async () => {
    const { address, port } = labServices.redis;
    const redis = new Redis({ host: address, port, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const prefix = `remtest:${randomUUID()}:`;
      for (let index = 0; index < 30; index += 1) await redis.set(`${prefix}${index}`, 'x'.repeat(100));
      const flush = remediations['flush-redis'];
      const context = labContext(lab.inventory, lab.clients);
      const args = argsOf(flush.parse([], lab.inventory));
      expect(flush.tier(args, lab.inventory)).toBe(3);
      const preview = await flush.preview(context, args);
      expect(preview.data.keys).toBeGreaterThanOrEqual(30);
      const outcome = await flush.run(context, args, preview);
      expect(outcome.ok, outcome.output).toBe(true);
      expect(await redis.dbsize()).toBe(0);
      const results = await lab.until(detections(flush.verifiedBy(args, lab.inventory)), ['ok']);
      expect(results.map((result) => result.status)).toEqual(['ok']);
    } finally {
      redis.disconnect();
    }
  });
});
