import { afterAll, describe, expect, it } from 'vitest';
import type { Check, CheckOutcome, CheckStatus } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { inventorySchema } from '../../src/config/schema.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';

// Hand-written checks: they exercise the engine, they do not stand in for any service.
const inventory = inventorySchema.parse({ checkTimeoutMs: 300 });
const clients = createPlatformClients(inventory, silentLogger());
const context = { inventory, clients };

afterAll(() => clients.close());

function check(target: string, run: Check['run'], onTimeout?: Check['onTimeout']): Check {
  return { id: 'redis.ping', target, title: msg('check.redis.ping.title'), onTimeout, run };
}

function settled(status: CheckStatus): CheckOutcome {
  return { status, value: 1, threshold: null, detail: msg('check.redis.keys.detail', { count: 1 }) };
}

/** Never resolves; records the signal it was given. */
function hanging(signals: AbortSignal[]): Check['run'] {
  return (_context, signal) => {
    signals.push(signal);
    return new Promise<CheckOutcome>(() => undefined);
  };
}

describe('runChecks', () => {
  it('turns a check that throws into fail with its reason, secrets scrubbed', async () => {
    const diagnosis = await runChecks(
      [
        check('thrower', async () => {
          throw new Error('cannot reach redis://:hunter2@10.0.0.3:6379/0 nor amqp://guest:s3cret@mq');
        }),
      ],
      context,
    );
    const [result] = diagnosis.results;
    expect(result?.status).toBe('fail');
    expect(result?.detail.key).toBe('check.crashed');
    const text = translate('en', result?.detail ?? msg('check.crashed'));
    expect(text).toContain('cannot reach redis://');
    expect(text).toContain('***');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s3cret');
  });

  it('a check that never resolves is unknown after about its timeout, fail when silence is the fault', async () => {
    const signals: AbortSignal[] = [];
    const diagnosis = await runChecks(
      [check('silent', hanging(signals)), check('hung-api', hanging(signals), 'fail')],
      context,
    );
    const [silent, hungApi] = diagnosis.results;
    expect(silent?.status).toBe('unknown');
    expect(hungApi?.status).toBe('fail');
    expect(silent?.detail).toEqual(msg('check.timeout', { ms: 300 }));
    for (const result of diagnosis.results) {
      expect(result.durationMs).toBeGreaterThanOrEqual(290);
      expect(result.durationMs).toBeLessThan(1000);
    }
    // The check is told to stop: its signal is aborted with the timeout as reason.
    expect(signals).toHaveLength(2);
    for (const signal of signals) {
      expect(signal.aborted).toBe(true);
      expect(String(signal.reason)).toContain('timeout after 300 ms');
    }
  });

  it('runs hung checks concurrently: ten of 300 ms cost about 300 ms, not 3 s', async () => {
    const signals: AbortSignal[] = [];
    const checks = Array.from({ length: 10 }, (_, index) => check(`hung-${index}`, hanging(signals)));
    const started = performance.now();
    const diagnosis = await runChecks(checks, context);
    const elapsed = performance.now() - started;
    expect(diagnosis.results.map((result) => result.status)).toEqual(Array(10).fill('unknown'));
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
    expect(diagnosis.durationMs).toBeLessThan(1500);
  });

  it('a fast check is not held back by a hung one, and the overall status is the worst', async () => {
    const diagnosis = await runChecks(
      [
        check('fine', async () => settled('ok')),
        check('meh', async () => settled('warn')),
        check('hung', hanging([])),
      ],
      context,
    );
    const byTarget = Object.fromEntries(diagnosis.results.map((result) => [result.target, result]));
    expect(byTarget.fine?.status).toBe('ok');
    expect(byTarget.fine?.durationMs).toBeLessThan(byTarget.hung?.durationMs ?? 0);
    expect(byTarget.meh?.status).toBe('warn');
    expect(byTarget.hung?.status).toBe('unknown');
    expect(diagnosis.status).toBe('unknown');

    const failing = await runChecks(
      [check('a', async () => settled('warn')), check('b', async () => settled('fail'))],
      context,
    );
    expect(failing.status).toBe('fail');
    const healthy = await runChecks([check('a', async () => settled('ok'))], context);
    expect(healthy.status).toBe('ok');
  });

  it('keeps each check in its own order and identity, and honours an explicit timeout', async () => {
    const diagnosis = await runChecks(
      [check('x', hanging([])), check('y', async () => settled('ok'))],
      context,
      {
        timeoutMs: 100,
      },
    );
    expect(diagnosis.results.map((result) => result.target)).toEqual(['x', 'y']);
    expect(diagnosis.results[0]?.detail).toEqual(msg('check.timeout', { ms: 100 }));
    expect(diagnosis.results[0]?.durationMs).toBeLessThan(600);
  });

  it('an outer abort stops every running check at once', async () => {
    const signals: AbortSignal[] = [];
    const outer = new AbortController();
    const running = runChecks(
      [
        check('a', (_context, signal) => {
          signals.push(signal);
          return new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          );
        }),
      ],
      context,
      { timeoutMs: 5000, signal: outer.signal },
    );
    setTimeout(() => outer.abort(new Error('shutting down')), 20);
    const started = performance.now();
    const diagnosis = await running;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diagnosis.results[0]?.status).toBe('fail');
    expect(signals[0]?.aborted).toBe(true);
  });
});
