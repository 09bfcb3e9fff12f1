import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { type RemoteCheckHost, startRemoteCheckHost } from './remote-check-host.js';

let lab: RemoteCheckHost;

beforeAll(async () => {
  lab = await startRemoteCheckHost('reach', '127.0.0.53');
});

afterAll(async () => {
  await lab?.stop();
});

describe('host.reachable over real SSH', () => {
  it('is ok with the round-trip latency when the pinned key matches', async () => {
    const { results, clients } = await lab.diagnose(['host.reachable']);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result?.target).toBe('reach');
    expect(result?.status).toBe('ok');
    expect(result?.value).toBeGreaterThan(0);
    expect(result?.data?.connectMs).toBeGreaterThan(0);
    expect(clients.ssh.stats().connects).toBe(1);
  });

  it('fails on a wrong pinned fingerprint, naming the server and both fingerprints', async () => {
    const wrong = `SHA256:${'x'.repeat(43)}`;
    const { results } = await lab.diagnose(['host.reachable'], { hostKeyFingerprint: wrong });
    const [result] = results;
    expect(result?.status).toBe('fail');
    expect(result?.detail.key).toBe('check.host.reachable.failed');
    const reason = result ? translate('en', result.detail) : '';
    expect(reason).toContain('the SSH host key differs from the inventory’s');
    expect(reason).toContain('reach');
    expect(reason).toContain(wrong);
    expect(reason).toContain(lab.host.hostKeyFingerprint);
    expect(result?.data?.code).toBe('HOST_KEY_MISMATCH');
  });

  it('fails with the reason when nothing listens', async () => {
    const { results } = await lab.diagnose(['host.reachable'], { port: 2999 });
    expect(results[0]?.status).toBe('fail');
    const detail = results[0] ? translate('fr', results[0].detail) : '';
    expect(detail).toMatch(/^SSH impossible : connexion refusée .*ECONNREFUSED/);
  });

  it('costs about its timeout on a host that accepts TCP and never completes the handshake', async () => {
    const sockets: Socket[] = [];
    const blackHole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(2222, '127.0.0.54', resolve));
    try {
      const started = performance.now();
      const { results } = await lab.diagnose(
        ['host.reachable', 'disk.usage'],
        { host: '127.0.0.54' },
        { checkTimeoutMs: 700 },
      );
      const elapsed = performance.now() - started;
      expect(results.map((result) => result.status)).toEqual(['fail', 'unknown']);
      expect(elapsed).toBeGreaterThan(650);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});
