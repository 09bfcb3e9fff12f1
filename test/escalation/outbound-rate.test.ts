import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationService } from '../../src/escalation/escalation-service.js';
import { ROOT_WAIT_MS } from '../../src/escalation/escalation-workers.js';
import { createLogger } from '../../src/logging/logger.js';
import { type Harness, PEOPLE, startHarness, TEST_CHANNEL, until } from './escalation-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('outbound queue to Slack', () => {
  it('starts two messages to a channel at least one interval apart, and coalesces waiting thread lines', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const h = harness;
    const intervalMs = 300;
    const service = h.start({ channelIntervalMs: intervalMs });
    await openAndDrain(h, service, 'burst', 4);
    for (const channel of [TEST_CHANNEL, `D${PEOPLE.n1}`]) {
      const times = h.sender.sent
        .filter((message) => message.channel === channel)
        .map((message) => message.at);
      expect(times.length).toBeGreaterThanOrEqual(4);
      const gaps = times.slice(1).map((at, index) => at - (times[index] ?? 0));
      // The slot is held one interval past each send's end, on Redis's clock, which is this
      // machine's clock too: the only tolerance is the two clocks' millisecond rounding.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(intervalMs - 1);
    }
    // Each line exactly once; the lines one step wrote went out together, in order.
    const thread = h.sender.sent.filter((message) => message.threadTs);
    const lines = thread.flatMap((message) => message.text.split('\n'));
    expect(lines.filter((line) => line.includes('Incident ouvert en N1'))).toHaveLength(4);
    expect(lines.filter((line) => line.includes('🔔 N1'))).toHaveLength(4);
    expect(thread).toHaveLength(4);
    for (const message of thread) expect(message.text).toMatch(/Incident ouvert en N1[^\n]*\n🔔 N1/);
  });

  it('a thread line waits for its root message without failing, and follows it as soon as it is posted', async () => {
    harness = await startHarness({ ackTimeout: '30s', repeatEvery: '30s', resolveWithin: '60s' });
    const h = harness;
    const warnings: string[] = [];
    const logger = createLogger({
      level: 'warn',
      destination: { write: (line: string) => warnings.push(line) } as unknown as NodeJS.WritableStream,
    });
    const intervalMs = 200;
    const service = h.start({ channelIntervalMs: intervalMs, logger });
    // Eight roots queue for one channel, one per interval: each thread line waits for its root.
    const incidents = 8;
    await openAndDrain(h, service, 'queued', incidents);
    const inChannel = h.sender.sent.filter((message) => message.channel === TEST_CHANNEL);
    const roots = inChannel.filter((message) => !message.threadTs);
    const threads = inChannel.filter((message) => message.threadTs);
    expect(roots).toHaveLength(incidents);
    expect(threads).toHaveLength(incidents);
    // Waiting for the root is not a failed attempt: no job failure is logged.
    expect(warnings.filter((line) => line.includes('escalation job failed'))).toEqual([]);
    // Woken by its root's delivery, not by its own look ROOT_WAIT_MS later: the whole channel
    // (roots and threads, one per interval) is done well before one such look.
    const span = Math.max(...inChannel.map((m) => m.at)) - Math.min(...inChannel.map((m) => m.at));
    expect(span).toBeLessThan(ROOT_WAIT_MS);
  });
});

/** Opens `count` N1 incidents at once, then waits until every outbox line is sent. */
async function openAndDrain(h: Harness, service: EscalationService, name: string, count: number) {
  for (let index = 0; index < count; index += 1) {
    await service.open({
      dedupKey: `${name}-${index}`,
      title: `${name} ${index}`,
      source: 'test',
      level: 'N1',
      by: PEOPLE.n1,
    });
  }
  await until(
    'outbox drained',
    async () => (await h.pool.query('SELECT 1 FROM incident_outbox WHERE sent_at IS NULL')).rowCount === 0,
  );
}
