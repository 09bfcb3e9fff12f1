import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import type { Check } from '../../../src/checks/check.js';
import { postgresCheckKinds } from '../../../src/checks/postgres/index.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { translate } from '../../../src/i18n/translate.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import { postgresInventory } from './postgres-fixtures.js';

const TIMEOUT_MS = 300;
const postgresIds = Object.keys(postgresCheckKinds) as (keyof typeof postgresCheckKinds)[];

/** A check of another kind in the same run: it must not wait for PostgreSQL. */
const otherCheck: Check = {
  id: 'minio.live',
  target: 'not-postgres',
  title: { key: 'status.ok' },
  run: async () => ({ status: 'ok', value: 1, threshold: null, detail: { key: 'check.notConfigured' } }),
};

/** Runs every PostgreSQL check against `url` plus one unrelated check. */
async function diagnose(url: string) {
  const inventory = postgresInventory(url, { checkTimeoutMs: TIMEOUT_MS });
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    return await runChecks([...buildChecks(postgresIds, inventory), otherCheck], { inventory, clients });
  } finally {
    await clients.close();
  }
}

/** Listens on a random loopback port; accepts connections and never answers. */
function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('PostgreSQL checks against a server that does not answer', () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  let port: number;

  beforeAll(async () => {
    port = await listen(silent);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('costs about the timeout, not more, and leaves the other check alone', async () => {
    const diagnosis = await diagnose(`postgresql://samaops@127.0.0.1:${port}/samaconso`);
    expect(diagnosis.results.map((result) => result.id)).toEqual([...postgresIds, 'minio.live']);
    for (const result of diagnosis.results.slice(0, postgresIds.length)) {
      expect(['fail', 'unknown'], result.id).toContain(result.status);
      expect(result.durationMs, result.id).toBeLessThan(TIMEOUT_MS * 3);
    }
    expect(diagnosis.results.at(-1)?.status).toBe('ok');
    expect(diagnosis.durationMs).toBeLessThan(TIMEOUT_MS * 3);
    expect(sockets.length).toBeGreaterThan(0);
  });
});

describe('PostgreSQL checks against a closed port', () => {
  it('fail with a reason that names the refused connection', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));

    const diagnosis = await diagnose(`postgresql://samaops@127.0.0.1:${port}/samaconso`);

    for (const result of diagnosis.results.slice(0, postgresIds.length)) {
      expect(result.status, result.id).toBe('fail');
      expect(translate('en', result.detail), result.id).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
      expect(translate('fr', result.detail)).toMatch(/^injoignable : /);
    }
  });
});
