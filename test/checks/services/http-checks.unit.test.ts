import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/checks/check.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { translate } from '../../../src/i18n/translate.js';
import { type HttpPeer, startHttpPeer } from '../../support/http-peer.js';
import { contextOf, inventoryOf, serviceChecks } from './service-context.js';

const TIMEOUT_MS = 3000;
let peer: HttpPeer;

beforeAll(async () => {
  peer = await startHttpPeer();
});

afterAll(() => peer?.close());

function text(result: CheckResult | undefined): string {
  if (!result) throw new Error('missing result');
  return translate('en', result.detail);
}

const flowerPath = (base: string) => `${base}/api/workers?status=1`;

describe('HTTP checks against a local peer', () => {
  it('api.health grades each instance, and a hung one costs its timeout without holding the others', async () => {
    peer.answer('/fast/health', { status: 200, body: '{"status":"ok"}' });
    peer.answer('/down/health', { status: 503, body: 'Service Unavailable' });
    peer.answer('/slow/health', { status: 200, delayMs: 600 });
    peer.answer('/hung/health', { hang: true });
    peer.answer('/m-ok/minio/health/live', { status: 200 });
    peer.answer(flowerPath('/f-ok'), { status: 200, body: '{"celery@w1": true, "celery@w2": true}' });
    const inventory = inventoryOf({
      checkTimeoutMs: TIMEOUT_MS,
      // The peer shares the test's event loop, busy on a loaded machine: 'fast' has room to be fast.
      thresholds: { apiLatencyMs: { warn: 300, fail: 2000 } },
      services: {
        api: ['fast', 'down', 'slow', 'hung'].map((name) => ({
          name,
          healthUrl: `${peer.url}/${name}/health`,
        })),
        minio: { url: `${peer.url}/m-ok` },
        flower: { url: `${peer.url}/f-ok`, expectedWorkers: 2 },
      },
    });
    const context = contextOf(inventory);
    try {
      const started = performance.now();
      const diagnosis = await runChecks(
        serviceChecks(['api.health', 'minio.live', 'celery.workers'], inventory),
        context,
      );
      const elapsed = performance.now() - started;
      const byTarget = new Map(diagnosis.results.map((result) => [result.target, result]));

      expect(byTarget.get('fast')?.status, JSON.stringify(byTarget.get('fast'))).toBe('ok');
      expect(byTarget.get('fast')?.value).toBeLessThan(300);
      expect(byTarget.get('down')?.status).toBe('fail');
      expect(text(byTarget.get('down'))).toBe('answers HTTP 503');
      expect(byTarget.get('slow')?.status).toBe('warn');
      expect(byTarget.get('slow')?.value).toBeGreaterThanOrEqual(590);
      const hung = byTarget.get('hung');
      expect(hung?.status).toBe('fail');
      expect(text(hung)).toBe(`no answer within ${TIMEOUT_MS} ms`);
      expect(byTarget.get(`127.0.0.1:${new URL(peer.url).port}/m-ok`)?.status).toBe('ok');

      // The hung instance costs its timeout and no more; every other check ends before it.
      expect(hung?.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
      expect(hung?.durationMs).toBeLessThan(TIMEOUT_MS * 2);
      for (const result of diagnosis.results) {
        if (result !== hung) expect(result.durationMs).toBeLessThan(hung?.durationMs ?? 0);
      }
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 2);
      expect(diagnosis.status).toBe('fail');
    } finally {
      await context.clients.close();
    }
  });

  it('api.health times the instance, not the wait for one of the bot’s own sockets', async () => {
    peer.answer('/busy/slow', { status: 200, delayMs: 400 });
    peer.answer('/busy/health', { status: 200, body: '{"status":"ok"}' });
    const inventory = inventoryOf({
      // A warn bound a busy machine does not reach for the instance alone (tens of ms), but the
      // socket wait (400 ms) would: one sample, graded on the instance, the wait reported apart.
      thresholds: { apiLatencyMs: { warn: 300, fail: 1000 } },
      services: { api: [{ name: 'busy', healthUrl: `${peer.url}/busy/health` }] },
    });
    const context = contextOf(inventory);
    try {
      // Every socket of the shared client (8 per origin) busy for 400 ms: the health request queues.
      const holders = Array.from({ length: 8 }, () =>
        context.clients.http.get(`${peer.url}/busy/slow`, { signal: AbortSignal.timeout(5000) }),
      );
      const [result] = (await runChecks(serviceChecks(['api.health'], inventory), context)).results;
      await Promise.all(holders);
      expect(result?.status).toBe('ok');
      expect(result?.data?.samples).toBe(1);
      expect(result?.value).toBeLessThan(300);
      // The wait is reported apart, not graded.
      expect(result?.data?.connectMs).toBeGreaterThanOrEqual(300);
    } finally {
      await context.clients.close();
    }
  });

  it('api.health reports a refused connection as fail with the reason', async () => {
    const closed = await startHttpPeer();
    const url = `${closed.url}/health`;
    await closed.close();
    const inventory = inventoryOf({ services: { api: [{ name: 'gone', healthUrl: url }] } });
    const context = contextOf(inventory);
    try {
      const [result] = (await runChecks(serviceChecks(['api.health'], inventory), context)).results;
      expect(result?.status).toBe('fail');
      expect(text(result)).toContain('ECONNREFUSED');
    } finally {
      await context.clients.close();
    }
  });

  it('minio.live fails with the code when MinIO is not live, and fails when it hangs', async () => {
    peer.answer('/m-down/minio/health/live', { status: 503 });
    peer.answer('/m-hung/minio/health/live', { hang: true });
    for (const [base, expected] of [
      ['/m-down', 'answers HTTP 503'],
      ['/m-hung', 'no answer within 300 ms'],
    ] as const) {
      const inventory = inventoryOf({
        checkTimeoutMs: 300,
        services: { minio: { url: `${peer.url}${base}` } },
      });
      const context = contextOf(inventory);
      try {
        const [result] = (await runChecks(serviceChecks(['minio.live'], inventory), context)).results;
        expect(result?.status).toBe('fail');
        expect(text(result)).toBe(expected);
      } finally {
        await context.clients.close();
      }
    }
  });
});

describe('celery.workers through Flower', () => {
  async function workers(body: string, options: { status?: number; expected?: number; auth?: boolean } = {}) {
    const base = `/flower-${Math.random().toString(36).slice(2)}`;
    peer.answer(flowerPath(base), { status: options.status ?? 200, body });
    const credentials = options.auth ? { username: 'admin', password: 'admin' } : {};
    const inventory = inventoryOf({
      services: {
        flower: { url: `${peer.url}${base}`, expectedWorkers: options.expected ?? 2, ...credentials },
      },
    });
    const context = contextOf(inventory);
    try {
      const [result] = (await runChecks(serviceChecks(['celery.workers'], inventory), context)).results;
      if (!result) throw new Error('no celery.workers result');
      const request = peer.requests.findLast((received) => received.path === flowerPath(base));
      return { result, request };
    } finally {
      await context.clients.close();
    }
  }

  it('is ok with the expected workers live, and sends the basic auth of the inventory', async () => {
    const { result, request } = await workers('{"celery@worker_1": true, "celery@worker_2": true}', {
      auth: true,
    });
    expect(result.status).toBe('ok');
    expect(result.value).toBe(2);
    expect(text(result)).toBe('2 live workers of 2 expected: celery@worker_1, celery@worker_2');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('admin:admin').toString('base64')}`);
  });

  it('warns when a worker is missing or dead, fails when none is live', async () => {
    const one = await workers('{"celery@worker_1": true, "celery@worker_2": false}');
    expect(one.result.status).toBe('warn');
    expect(one.result.value).toBe(1);
    expect(one.result.data).toEqual({ live: ['celery@worker_1'], dead: ['celery@worker_2'] });
    expect(one.request?.headers.authorization).toBeUndefined();

    const none = await workers('{}');
    expect(none.result.status).toBe('fail');
    expect(none.result.value).toBe(0);
  });

  it('reads the detailed answer of older Flower versions (a status field per worker)', async () => {
    const { result } = await workers(
      JSON.stringify({
        'celery@worker_1': { status: true, concurrency: 4, queues: ['urgent', 'high_priority'] },
        'celery@worker_2': { status: false, concurrency: 4, queues: [] },
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.value).toBe(1);
  });

  it('fails on a garbage answer or an error status', async () => {
    const garbage = await workers('<html>Bad Gateway</html>');
    expect(garbage.result.status).toBe('fail');
    expect(text(garbage.result)).toContain('unreadable Flower answer');
    const list = await workers('["celery@worker_1"]');
    expect(list.result.status).toBe('fail');
    const unauthorized = await workers('', { status: 401 });
    expect(unauthorized.result.status).toBe('fail');
    expect(text(unauthorized.result)).toBe('answers HTTP 401');
  });
});
