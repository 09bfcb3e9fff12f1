import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchRanRecently } from '../../src/app/start-heartbeat.js';
import { createLogger } from '../../src/logging/logger.js';
import { startHeartbeat } from '../../src/observability/heartbeat.js';
import { readHeartbeatConfig } from '../../src/observability/heartbeat-config.js';
import { type HttpPeer, startHttpPeer } from '../support/http-peer.js';

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

let monitor: HttpPeer;
beforeEach(async () => {
  monitor = await startHttpPeer();
  monitor.answer('/ping/check-uuid', { status: 200, body: 'OK' });
});
afterEach(() => monitor.close());

describe('the heartbeat', () => {
  it('pushes when every loop is healthy, and holds back naming the loops that are not', async () => {
    const health = { timers: true, outbox: true };
    const { logger, lines } = capturedLogger();
    const url = `${monitor.url}/ping/check-uuid`;
    const heartbeat = startHeartbeat({
      url,
      everyMs: 600_000,
      logger,
      probes: [
        { name: 'timer-worker', healthy: () => health.timers },
        { name: 'outbox', healthy: async () => health.outbox },
      ],
    });
    try {
      expect(await heartbeat.tick()).toEqual({ kind: 'beat', status: 200 });
      expect(monitor.requests.map((request) => request.path)).toEqual(['/ping/check-uuid']);
      health.timers = false;
      expect(await heartbeat.tick()).toEqual({ kind: 'held', unhealthy: ['timer-worker'] });
      expect(monitor.requests).toHaveLength(1);
      health.timers = true;
      expect((await heartbeat.tick()).kind).toBe('beat');
      expect(monitor.requests).toHaveLength(2);
    } finally {
      heartbeat.close();
    }
    expect(lines.join('')).toContain('timer-worker');
  });

  it('counts a probe that throws or hangs as unhealthy', async () => {
    const { logger } = capturedLogger();
    const heartbeat = startHeartbeat({
      url: `${monitor.url}/ping/check-uuid`,
      everyMs: 600_000,
      timeoutMs: 200,
      logger,
      probes: [
        { name: 'throws', healthy: async () => Promise.reject(new Error('store down')) },
        { name: 'hangs', healthy: () => new Promise<boolean>(() => undefined) },
      ],
    });
    try {
      expect(await heartbeat.tick()).toEqual({ kind: 'held', unhealthy: ['throws', 'hangs'] });
      expect(monitor.requests).toHaveLength(0);
    } finally {
      heartbeat.close();
    }
  });

  it('logs a failed push without the monitor URL (its secret)', async () => {
    const { logger, lines } = capturedLogger();
    monitor.answer('/ping/secret-uuid', { status: 500 });
    const heartbeat = startHeartbeat({
      url: `${monitor.url}/ping/secret-uuid`,
      everyMs: 600_000,
      logger,
      probes: [],
    });
    try {
      expect(await heartbeat.tick()).toEqual({ kind: 'push-failed', reason: 'status 500' });
    } finally {
      heartbeat.close();
    }
    expect(lines.join('')).toContain('heartbeat push failed');
    expect(lines.join('')).not.toContain('secret-uuid');
  });

  it('beats on its own every interval', async () => {
    const { logger } = capturedLogger();
    const heartbeat = startHeartbeat({
      url: `${monitor.url}/ping/check-uuid`,
      everyMs: 50,
      logger,
      probes: [{ name: 'ok', healthy: () => true }],
    });
    try {
      await expect.poll(() => monitor.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    } finally {
      heartbeat.close();
    }
  });
});

describe('the heartbeat settings', () => {
  it('default to a push a minute, and refuse a URL or interval that cannot work', () => {
    expect(readHeartbeatConfig({})).toBeUndefined();
    expect(readHeartbeatConfig({ SAMAOPS_HEARTBEAT_URL: 'https://hc-ping.example/uuid' })).toEqual({
      url: 'https://hc-ping.example/uuid',
      everyMs: 60_000,
    });
    expect(() => readHeartbeatConfig({ SAMAOPS_HEARTBEAT_URL: 'not a url' })).toThrow(
      /SAMAOPS_HEARTBEAT_URL/,
    );
    expect(() =>
      readHeartbeatConfig({ SAMAOPS_HEARTBEAT_URL: 'https://x/', SAMAOPS_HEARTBEAT_EVERY: '1h' }),
    ).toThrow(/SAMAOPS_HEARTBEAT_EVERY/);
  });
});

describe('the watch has run recently', () => {
  const every = 60_000;
  const start = 1_000_000_000;
  it('within two intervals of its last run, or of this process start before a first run', () => {
    expect(watchRanRecently(null, start, every, start + 2 * every)).toBe(true);
    expect(watchRanRecently(null, start, every, start + 2 * every + 1)).toBe(false);
    expect(watchRanRecently(start + 100_000, start, every, start + 200_000)).toBe(true);
    expect(watchRanRecently(start + 100_000, start, every, start + 220_001)).toBe(false);
    // A run older than this process (another replica, long ago) does not make a fresh replica stale.
    expect(watchRanRecently(start - 10 * every, start, every, start + every)).toBe(true);
  });
});
