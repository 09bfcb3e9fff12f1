import { describe, expect, it } from 'vitest';
import { fastestOf } from '../../src/checks/fastest-sample.js';
import { above } from '../../src/checks/grade.js';

const threshold = above({ warn: 100, fail: 500 }, 'ms');

/** Samples that "took" the given latencies, one after another. */
function sampler(latencies: number[]) {
  let taken = 0;
  return {
    sample: async () => latencies[taken++] ?? Number.NaN,
    get taken() {
      return taken;
    },
  };
}

describe('fastestOf', () => {
  it.each([
    { latencies: [3], best: 3, samples: 1, why: 'a first sample within warn is final' },
    { latencies: [230, 4, 2], best: 4, samples: 2, why: 'a warn-band sample is taken again' },
    { latencies: [230, 240, 250], best: 230, samples: 3, why: 'a peer slow every time stays slow' },
    { latencies: [900, 2], best: 900, samples: 1, why: 'a sample past fail is final' },
  ])('$why', async ({ latencies, best, samples }) => {
    const source = sampler(latencies);
    const fastest = await fastestOf(source.sample, (ms) => ms, { threshold, budgetMs: 60_000 });
    expect(fastest).toEqual({ best, samples });
    expect(source.taken).toBe(samples);
  });

  it('stops at a sample that is final for the check (a failure), whatever its latency', async () => {
    const source = sampler([230, Number.NaN, 1]);
    const fastest = await fastestOf(source.sample, (ms) => (Number.isNaN(ms) ? undefined : ms), {
      threshold,
      budgetMs: 60_000,
    });
    expect(fastest.samples).toBe(2);
    expect(fastest.best).toBeNaN();
  });

  it('cuts a later sample short at the end of the budget and keeps the fastest so far', async () => {
    let calls = 0;
    const sample = (budget?: AbortSignal) => {
      calls += 1;
      if (!budget) return Promise.resolve(230);
      return new Promise<number>((_resolve, reject) =>
        budget.addEventListener('abort', () => reject(budget.reason)),
      );
    };
    const fastest = await fastestOf(sample, (ms) => ms, { threshold, budgetMs: 100 });
    expect(fastest).toEqual({ best: 230, samples: 1 });
    expect(calls).toBe(2);
  });

  it('starts no sample once the budget is spent', async () => {
    let calls = 0;
    const slow = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 60));
      return 230;
    };
    const fastest = await fastestOf(slow, (ms) => ms, { threshold, budgetMs: 100 });
    // 60 ms each against a 100 ms budget: a second sample may start, never a third.
    expect(fastest.samples).toBe(calls);
    expect(calls).toBeLessThanOrEqual(2);
  });
});
