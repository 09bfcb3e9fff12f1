import { describe, expect, it } from 'vitest';
import type { RemediationArgs, RemediationContext } from '../../../src/core/remediation/remediation.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { PlatformClients } from '../../../src/platform/platform-clients.js';
import { remediations } from '../../../src/playbooks/remediations/index.js';
import { RemediationError } from '../../../src/playbooks/remediations/remediation-error.js';
import { remediationInventory } from './remediation-inventory.js';

/**
 * Arguments are stored with the request and read back at execution: a row edited in between must
 * be refused before any client (SSH, SQL, AMQP) is touched.
 */

const touched: string[] = [];
const clients = new Proxy({} as PlatformClients, {
  get(_target, property) {
    touched.push(String(property));
    throw new Error(`client ${String(property)} touched`);
  },
});
const context: RemediationContext = {
  inventory: remediationInventory(),
  clients,
  logger: silentLogger(),
  signal: new AbortController().signal,
};

const tampered: [keyof typeof remediations, RemediationArgs][] = [
  ['restart', { containers: ['x; touch /tmp/pwned'] }],
  ['restart', { containers: ['samaconso_api_1', '$(reboot)'] }],
  ['purge', { queue: 'urgent; rabbitmqctl delete_vhost /' }],
  ['vacuum', { table: 'users; DROP TABLE users' }],
  ['vacuum', { table: '../x' }],
  ['scale', { service: 'celery_worker_2', count: 99 }],
  ['scale', { service: '--help', count: 2 }],
  ['cleanup', { server: 'db && reboot' }],
];

describe('stored arguments edited after parse', () => {
  it.each(tampered)('%s %j is refused before any client is used', async (id, args) => {
    const remediation = remediations[id];
    for (const step of [
      () => remediation.preview(context, args),
      () => remediation.evidence(context, args),
      () => remediation.run(context, args, { lines: [], data: {} }),
    ]) {
      const error = await step().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RemediationError);
      expect((error as RemediationError).code).toBe('REMEDIATION_ARGS_INVALID');
    }
    expect(touched).toEqual([]);
  });

  it('kill-queries acts only on well-formed previewed sessions', async () => {
    const outcome = await remediations['kill-queries'].run(
      context,
      { olderThanSeconds: 300 },
      {
        lines: [],
        data: {
          queries: [{ pid: '1; SELECT pg_terminate_backend(pid)', backendStart: 'x', queryStart: 'y' }],
        },
      },
    );
    expect(outcome).toMatchObject({ ok: true, data: { terminated: [], skipped: [] } });
    expect(touched).toEqual([]);
  });
});
