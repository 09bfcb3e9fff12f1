import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_INVENTORY } from '../../scripts/demo/demo-inventory.js';
import type { MessageKey } from '../../src/i18n/catalogue/index.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { activeFaults } from '../lab/faults/lab-faults.js';
import { labIsUp } from '../lab/lab-session.js';

// `npm run demo` without a terminal: it runs straight through and checks each step itself; this
// test runs it as CI would and holds it to every step, and to leaving nothing behind.

/** A catalogue text up to its first placeholder: what the demo prints for that step or outcome. */
const said = (key: MessageKey) => catalogue.fr[key].split('{')[0] ?? '';

async function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--fast'], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('npm run demo, non-interactive', () => {
  it('walks the whole loop, checks every step, and removes what it created', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).not.toMatch(/"level":(50|60)/);
    expect(stdout, stdout).not.toContain(said('demo.failed'));
    expect(code, stdout).toBe(0);
    const steps: MessageKey[] = [
      'demo.step.setup',
      'demo.step.healthy',
      'demo.step.fault',
      'demo.step.fix',
      'demo.step.end',
    ];
    for (const step of steps) expect(stdout).toContain(said(step));
    // Interactive only: free play.
    expect(stdout).not.toContain(said('demo.step.play'));
    const outcomes: MessageKey[] = [
      'demo.check.healthy',
      'demo.check.incident',
      'demo.check.restarted',
      'demo.check.audit',
      'demo.check.resolved',
      'demo.check.report',
    ];
    for (const outcome of outcomes) expect(stdout).toContain(`✔ ${said(outcome)}`);
    // What the on-call person receives, and the approver's switch.
    expect(stdout).toContain('📩 message privé à DBA');
    expect(stdout).toMatch(/incident #1 ouvert en N2 par la surveillance ; appelé\(s\) : .*DBA/);
    expect(stdout).toContain('Vous agissez en tant que DevOps (UDEVOPS).');
    expect(stdout).toContain(said('cli.audit.ok'));
    expect(stdout).toContain(said('demo.done'));

    // The lab was up (the project's setup): the demo leaves it so, with no fault left.
    expect(stdout).toContain(catalogue.fr['demo.cleanup.labKept']);
    expect(await labIsUp()).toBe(true);
    expect(activeFaults()).toEqual([]);
    expect(existsSync(DEMO_INVENTORY)).toBe(false);
    const cleanup = /base (samaops_demo_\w+), files (demo-[0-9a-f]+)-\*/.exec(stdout);
    expect(cleanup).not.toBeNull();
    const [, database = '', namespace = ''] = cleanup ?? [];
    const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
    const redis = new Redis('redis://127.0.0.1:6379/0');
    try {
      expect(await redis.keys(`*${namespace}*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
