import { afterEach, describe, expect, it } from 'vitest';
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
    for (let index = 0; index < 4; index += 1) {
      await service.open({
        dedupKey: `burst-${index}`,
        title: `burst ${index}`,
        source: 'test',
        level: 'N1',
        by: PEOPLE.n1,
      });
    }
    await until(
      'outbox drained',
      async () => (await h.pool.query('SELECT 1 FROM incident_outbox WHERE sent_at IS NULL')).rowCount === 0,
    );
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
});
