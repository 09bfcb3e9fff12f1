import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { parse, stringify } from 'yaml';
import { parseInventory } from '../../src/config/load-inventory.js';
import type { Remediation } from '../../src/core/remediation/remediation.js';
import { msg } from '../../src/i18n/message.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { approveRemediation } from '../../src/playbooks/guard/approve-remediation.js';
import type { GuardContext } from '../../src/playbooks/guard/guard-context.js';
import { requestRemediation } from '../../src/playbooks/guard/request-remediation.js';
import type { MessageRef, ReplyPort } from '../../src/render/reply-port.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const RUNS = 50;
const REQUESTER = 'UREQ00001';
const APPROVER = 'UDEV00002';

/** A remediation that does nothing, so that what is measured is the guard alone. */
function noOp(onRun: () => void): Remediation {
  return {
    id: 'vacuum',
    usage: msg('usage.vacuum'),
    parse: (words) => ({ ok: true, args: { target: words[0] ?? 'none' } }),
    tier: () => 1,
    targetKey: (args) => `bench:${String(args.target)}`,
    targetLabel: (args) => String(args.target),
    preview: async () => ({ lines: [], data: {} }),
    evidence: async () => ({}),
    run: async () => {
      onRun();
      return { ok: true, summary: msg('slack.report.allOk'), output: '' };
    },
    verifiedBy: () => [],
  };
}

const replies: ReplyPort = {
  reply: async () => undefined,
  postMessage: async (): Promise<MessageRef> => ({ channel: 'CBENCH0001', ts: '1.0' }),
  updateMessage: async () => undefined,
  respondEphemeral: async () => undefined,
};

/** Counts statements sent by every client of the pool: the guard's database round-trips. */
function countRoundTrips(pool: pg.Pool): { count: () => number } {
  let count = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count += 1;
      return query(...args);
    };
  });
  return { count: () => count };
}

/**
 * Issue 5: the guard's own cost per action, with a no-op remediation on this machine's
 * PostgreSQL: round-trips and ms for a request (store + audit), and from the approval click to
 * "running" and to "succeeded" (approval, state changes, four audit rows).
 */
export async function guardOverhead(): Promise<BenchRow[]> {
  const scratch = await createScratchDatabase('samaops_bench');
  const pool = createBotDatabase(scratch.url, silentLogger());
  const trips = countRoundTrips(pool);
  const text = stringify({
    ...(parse(readFileSync('config/local.yml', 'utf8')) as Record<string, unknown>),
    team: [
      { slackId: REQUESTER, name: 'Awa', roles: ['devops'] },
      { slackId: APPROVER, name: 'Moussa', roles: ['devops'] },
    ],
    slack: { channels: ['CBENCH0001'] },
    remediations: { rules: { vacuum: { cooldownMinutes: 0, hourlyCap: 100 } } },
  });
  const inventory = parseInventory(text, 'config/local.yml');
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    await migrate(pool);
    let ranAt = 0;
    const context: GuardContext = {
      inventory,
      clients,
      logger: silentLogger(),
      pool,
      remediations: { vacuum: noOp(() => (ranAt = performance.now())) },
    };
    const requestMs: number[] = [];
    const toRunningMs: number[] = [];
    const toSucceededMs: number[] = [];
    const requestTrips: number[] = [];
    const approveTrips: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let before = trips.count();
      let started = performance.now();
      const requested = await requestRemediation(
        context,
        { userId: REQUESTER, channelId: 'CBENCH0001', replies },
        'vacuum',
        [`t${run}`],
      );
      requestMs.push(performance.now() - started);
      requestTrips.push(trips.count() - before);
      if (requested.kind !== 'posted') throw new Error(`bench request refused: ${JSON.stringify(requested)}`);
      before = trips.count();
      started = performance.now();
      const approved = await approveRemediation(
        context,
        { userId: APPROVER, channelId: 'CBENCH0001', replies },
        requested.request.id,
      );
      toSucceededMs.push(performance.now() - started);
      toRunningMs.push(ranAt - started);
      approveTrips.push(trips.count() - before);
      if (approved.kind !== 'ran') throw new Error(`bench approval did not run: ${approved.kind}`);
    }
    const section = 'guard overhead (no-op remediation, local PostgreSQL)';
    const row = (measure: string, samples: number[], unit: string): BenchRow => {
      const summary = summarise(samples);
      return {
        section,
        measure,
        value: round1(summary.median),
        unit,
        details: { ...summary, p95: round1(summary.p95), max: round1(summary.max) },
      };
    };
    return [
      row('request: parse → stored + audited + posted (median)', requestMs, 'ms'),
      row('request: database round-trips', requestTrips, 'statements'),
      row('approval click → running (median)', toRunningMs, 'ms'),
      row('approval click → succeeded, no-op run (median)', toSucceededMs, 'ms'),
      row('approval click → succeeded: database round-trips', approveTrips, 'statements'),
    ];
  } finally {
    await clients.close();
    await pool.end();
    await scratch.drop();
  }
}
