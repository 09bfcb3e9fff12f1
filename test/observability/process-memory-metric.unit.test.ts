import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';

describe('samaops_process_memory_bytes', () => {
  it('exposes the process memory at scrape time, one sample per kind', async () => {
    const text = await createMetrics().registry.metrics();
    const samples = new Map(
      [...text.matchAll(/^samaops_process_memory_bytes\{kind="(\w+)"\} (\d+)$/gm)].map((match) => [
        match[1],
        Number(match[2]),
      ]),
    );
    expect([...samples.keys()].sort()).toEqual(['arrayBuffers', 'external', 'heapTotal', 'heapUsed', 'rss']);
    expect(samples.get('rss')).toBeGreaterThan(samples.get('heapUsed') ?? Number.POSITIVE_INFINITY);
  });
});
