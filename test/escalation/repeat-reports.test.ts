import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineRecord } from '../../src/core/escalation/incident-state.js';
import { foldRepeats } from '../../src/escalation/fold-repeats.js';
import { readTimeline } from '../../src/store/incidents/incident-queries.js';
import { type Harness, startHarness, until } from './escalation-harness.js';

// The same failure reported again and again (an alert storm): every report is on the timeline,
// but the thread gets one line per burst with its count, not one queued message per report.

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const report = (source = 'alertmanager') => ({
  dedupKey: 'alert:fp-1',
  title: 'ApiDown api-1',
  source,
  level: 'N2' as const,
  by: 'samaops',
});

async function pendingDuplicates(h: Harness): Promise<Array<{ count: number | null }>> {
  const { rows } = await h.pool.query<{ count: number | null }>(
    `SELECT (record->>'count')::int AS count FROM incident_outbox
      WHERE sent_at IS NULL AND kind = 'thread' AND record->>'type' = 'duplicate' ORDER BY id`,
  );
  return rows;
}

describe('repeated reports of one failure', () => {
  it('fold into the waiting thread line: full timeline, one line with the count, one queued message', async () => {
    harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
    const h = harness;
    // No workers yet: nothing is sent, so every repeat finds the first one's line still waiting.
    const quiet = h.start({ workers: false });
    const first = await quiet.open(report());
    expect(first.kind).toBe('opened');
    const joins = [];
    for (let i = 0; i < 6; i += 1) joins.push(await quiet.open(report()));
    expect(joins.map((outcome) => outcome.kind)).toEqual(Array(6).fill('joined'));
    // Only the first repeat queued a message; the five others counted on it.
    expect(joins.map((outcome) => outcome.after.outbox.length)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(await pendingDuplicates(h)).toEqual([{ count: 6 }]);
    const timeline = await readTimeline(h.pool, first.incident.id);
    expect(timeline.filter((entry) => entry.record.type === 'duplicate')).toHaveLength(6);
    // Another source is another line.
    await quiet.open(report('grafana'));
    expect(await pendingDuplicates(h)).toEqual([{ count: 6 }, { count: null }]);

    h.start();
    await until('the thread lines are sent', async () => (await pendingDuplicates(h)).length === 0);
    const thread = h.sender.sent.filter((message) => message.threadTs).map((message) => message.text);
    expect(thread.join('\n')).toContain('signalée à nouveau, 6 fois (source : alertmanager)');
    expect(thread.join('\n')).toContain('signalée à nouveau (source : grafana)');

    // Once sent, the next repeat starts a new line.
    const later = await quiet.open(report());
    expect(later.after.outbox).toHaveLength(1);
  });
});

describe('foldRepeats', () => {
  const duplicate = (source: string, count?: number): TimelineRecord => ({
    type: 'duplicate',
    level: 'N2',
    source,
    ...(count === undefined ? {} : { count }),
  });
  const opened: TimelineRecord = { type: 'opened', level: 'N2', by: 'samaops' };

  it('merges consecutive reports of one source, keeps the first time, and keeps other entries apart', () => {
    const folded = foldRepeats([
      { at: 1, record: opened },
      { at: 2, record: duplicate('alertmanager') },
      { at: 3, record: duplicate('alertmanager') },
      { at: 4, record: duplicate('alertmanager', 3) },
      { at: 5, record: duplicate('grafana') },
      { at: 6, record: opened },
      { at: 7, record: duplicate('alertmanager') },
    ]);
    expect(folded).toEqual([
      { at: 1, record: opened },
      { at: 2, record: duplicate('alertmanager', 5) },
      { at: 5, record: duplicate('grafana') },
      { at: 6, record: opened },
      { at: 7, record: duplicate('alertmanager') },
    ]);
  });

  it('leaves its input unchanged', () => {
    const input = [
      { at: 1, record: duplicate('a') },
      { at: 2, record: duplicate('a') },
    ];
    foldRepeats(input);
    expect(input[0]?.record).toEqual(duplicate('a'));
  });
});
