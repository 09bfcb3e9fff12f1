import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/checks/check.js';
import { checkKinds } from '../../src/checks/check-definitions.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { ConfigError } from '../../src/config/config-error.js';
import { parseInventory } from '../../src/config/load-inventory.js';
import { type Inventory, inventorySchema, type Server } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { dockerLogs, dockerRestart } from '../../src/remote/remote-commands.js';
import { isRemoteError } from '../../src/remote/remote-error.js';
import { inventoryServer, type SshHost, startSshHost } from '../support/ssh-host.js';

const root = mkdtempSync(join(tmpdir(), 'samaops-injection-'));
// The bot logs in as samaops: its login files under root must be reachable.
chmodSync(root, 0o755);
const pwned = `/tmp/pwned-${randomUUID()}`;
let host: SshHost;

function connectionsSeen(): number {
  return readFileSync(host.logPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('Connection from')).length;
}

beforeAll(async () => {
  host = await startSshHost({
    name: 'inject',
    address: '127.0.0.58',
    port: 2222,
    stateDir: join(root, 'sshd'),
  });
});

afterAll(async () => {
  await host?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(pwned, { force: true });
});

describe('injection attempts in identifier positions', () => {
  it('are refused by the inventory schema at load', () => {
    const yaml = [
      'servers:',
      `  - name: db`,
      '    role: db',
      '    host: 127.0.0.58',
      '    user: root',
      '    privateKey: key',
      '    insecureAcceptAnyHostKey: true',
      `    containers: ["x; touch ${pwned}"]`,
      `    mountPoints: ["/data/$(touch ${pwned})"]`,
      '    logGlobs: ["/var/log/*.log; reboot"]',
    ].join('\n');
    let problems: string[] = [];
    try {
      parseInventory(yaml, '/tmp/inject.yml', {});
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems.map((problem) => JSON.stringify(problem));
    }
    expect(problems.join('\n')).toMatch(/containers/);
    expect(problems.join('\n')).toMatch(/mountPoints/);
    expect(problems.join('\n')).toMatch(/logGlobs/);
  });

  it('are refused again by the SSH layer, before any connection, when a server object bypasses the schema', async () => {
    const valid = inventoryServer(host);
    // As if a defect let unvalidated text reach the checks: the layer must not trust its caller.
    const tampered: Server = {
      ...valid,
      containers: [`x; touch ${pwned}`],
      mountPoints: [`/data/$(touch ${pwned})`],
      logGlobs: [`/var/log/*.log; touch ${pwned}`],
    };
    const inventory: Inventory = { ...inventorySchema.parse({ checkTimeoutMs: 2000 }), servers: [tampered] };
    const clients = createPlatformClients(inventory, silentLogger());
    const context: CheckContext = { inventory, clients };
    const before = connectionsSeen();
    try {
      const checks = (['disk.usage', 'docker.containers', 'logs.errors'] as const).flatMap(
        (id) => checkKinds[id]?.instances(inventory) ?? [],
      );
      expect(checks).toHaveLength(3);
      const { results } = await runChecks(checks, context);
      for (const result of results) {
        expect(result.status).toBe('fail');
        expect(result.detail.key).toBe('check.remote.refused');
        expect(result.data?.code).toBe('REMOTE_ARGUMENT_REFUSED');
      }
      for (const attempt of [
        () => dockerRestart(tampered, tampered.containers[0] ?? ''),
        () => dockerLogs(tampered, tampered.containers[0] ?? '', 10),
      ]) {
        expect(() => attempt()).toThrow(expect.objectContaining({ code: 'REMOTE_ARGUMENT_REFUSED' }));
      }
      expect(clients.ssh.stats()).toEqual({ connectAttempts: 0, connects: 0, commands: 0 });
      expect(connectionsSeen()).toBe(before);
      expect(existsSync(pwned)).toBe(false);
      expect(existsSync('/tmp/pwned')).toBe(false);
    } finally {
      await clients.close();
    }
  });

  it('a refusal names the server and is a coded RemoteError', () => {
    const error = (() => {
      try {
        dockerRestart(inventoryServer(host, { containers: ['api'] }), 'api && reboot');
      } catch (caught) {
        return caught;
      }
    })();
    expect(isRemoteError(error, 'REMOTE_ARGUMENT_REFUSED')).toBe(true);
    expect(String((error as Error).message)).toContain('inject');
  });
});
