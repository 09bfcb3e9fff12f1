import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readTimeline } from '../../src/store/incidents/incident-queries.js';
import { type Harness, PEOPLE, startHarness, until } from './escalation-harness.js';

let harness: Harness | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.length = 0;
  await harness?.close();
  harness = undefined;
});

/** Starts a replica process; its DMs are appended to `dms` as they are printed. */
function replica(h: Harness, databaseUrl: string, dms: string[]): ChildProcess & { ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/escalation/replica-process.ts'], {
    env: {
      ...process.env,
      SAMAOPS_REPLICA: JSON.stringify({ databaseUrl, ...h.names, inventory: h.inventory }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'READY') started();
      if (line.startsWith('DM ')) dms.push(line);
    }
  });
  children.push(child);
  return Object.assign(child, { ready });
}

async function openTen(h: Harness): Promise<number[]> {
  const opener = h.start({ workers: false });
  const ids: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    const outcome = await opener.open({
      dedupKey: `kill-${index}`,
      title: `kill ${index}`,
      source: 'test',
      level: 'N1',
      by: PEOPLE.n1,
    });
    ids.push(outcome.incident.id);
  }
  return ids;
}

async function databaseUrl(h: Harness): Promise<string> {
  const { rows } = await h.pool.query<{ db: string }>('SELECT current_database() AS db');
  return `postgresql://postgres@127.0.0.1:5432/${rows[0]?.db}`;
}

const outboxDrained = (h: Harness) => async () =>
  (await h.pool.query('SELECT 1 FROM incident_outbox WHERE sent_at IS NULL')).rowCount === 0;

async function pagesOf(h: Harness, id: number) {
  return (await readTimeline(h.pool, id)).flatMap((entry) =>
    entry.record.type === 'paged' ? [entry.record.level] : [],
  );
}

describe('kill -9 of a replica', () => {
  it('with incidents open: pings that came due while it was down are sent once after the restart, none twice', async () => {
    // Long enough for replica A to send every N1 page before any N2 one comes due, on a loaded CI:
    // the incidents open once A runs, so that its start-up (a new Node process) is not counted.
    harness = await startHarness({ ackTimeout: '8s', repeatEvery: '60s', resolveWithin: '120s' });
    const h = harness;
    const url = await databaseUrl(h);
    const dms: string[] = [];
    const count = (person: string) => dms.filter((line) => line.startsWith(`DM ${person} `)).length;
    const first = replica(h, url, dms);
    await first.ready;
    const ids = await openTen(h);
    await until(
      'N1 pages sent by replica A',
      async () => count(PEOPLE.n1) === 10 && (await outboxDrained(h)()),
    );
    first.kill('SIGKILL');
    await until('replica A gone', () => first.signalCode === 'SIGKILL');
    // Stay down until every ack deadline has passed: all the N2 pages come due while no replica runs.
    const { rows } = await h.pool.query<{ due: Date }>('SELECT max(next_ack_at) AS due FROM incidents');
    const lastDue = rows[0]?.due.getTime() ?? 0;
    await until('every N2 page due while down', () => Date.now() > lastDue + 200);
    expect(count(PEOPLE.n2)).toBe(0);
    replica(h, url, dms);
    await until('every incident paged at N3', () => count(PEOPLE.n3) >= 10);
    await until('outbox drained', outboxDrained(h));
    for (const id of ids) expect(await pagesOf(h, id)).toEqual(['N1', 'N2', 'N3']);
    expect([count(PEOPLE.n1), count(PEOPLE.n2), count(PEOPLE.n3)]).toEqual([10, 10, 10]);
  });

  it('killed in the middle of sending: no page lost and each page decided once; a DM Slack took just before the kill may go twice', async () => {
    harness = await startHarness({ ackTimeout: '1s', repeatEvery: '60s', resolveWithin: '120s' });
    const h = harness;
    const ids = await openTen(h);
    const url = await databaseUrl(h);
    const dms: string[] = [];
    const count = (person: string) => dms.filter((line) => line.startsWith(`DM ${person} `)).length;
    const first = replica(h, url, dms);
    await until('the first N2 ping from replica A', () => count(PEOPLE.n2) >= 1);
    first.kill('SIGKILL');
    await until('replica A gone', () => first.signalCode === 'SIGKILL');
    replica(h, url, dms);
    await until('every incident paged at N3', () => count(PEOPLE.n3) >= 10);
    // A DM the killed replica held is retried once its lock expires (about 10 s).
    await until('outbox drained', outboxDrained(h));
    for (const id of ids) expect(await pagesOf(h, id)).toEqual(['N1', 'N2', 'N3']);
    const counts = [count(PEOPLE.n1), count(PEOPLE.n2), count(PEOPLE.n3)];
    for (const sent of counts) expect(sent).toBeGreaterThanOrEqual(10);
    // At most the sends in flight at the kill (outbound concurrency 8) can repeat.
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 + 8);
  });
});
