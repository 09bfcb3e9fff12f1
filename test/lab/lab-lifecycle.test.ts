import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labComponents, labDown, labUp } from './lab.js';
import { isAlive, portOpen } from './lab-process.js';
import { labIsUp } from './lab-session.js';
import { LAB_INVENTORY, labListeners, REPO_ROOT } from './lab-topology.js';

const LAB_CLI = join(REPO_ROOT, 'test', 'lab', 'lab-cli.ts');

/** `up` is idempotent, `down` leaves nothing of the lab running; the lab is left as found. */

let wasUp = false;

beforeAll(async () => {
  wasUp = await labIsUp();
});

afterAll(async () => {
  if (wasUp) await labUp();
  else await labDown();
});

async function pids(): Promise<Record<string, number | undefined>> {
  return Object.fromEntries((await labComponents()).map((component) => [component.name, component.pid]));
}

describe('lab lifecycle', () => {
  it('up twice keeps every process and writes the same inventory', async () => {
    await labUp();
    const first = await pids();
    const inventory = readFileSync(LAB_INVENTORY, 'utf8');
    expect(Object.values(first).filter((pid) => pid === undefined)).toHaveLength(
      // Mounts and the RabbitMQ vhost have no process; every other component has one.
      (await labComponents()).filter(
        (component) => component.name.startsWith('tmpfs') || component.name.startsWith('rabbitmq'),
      ).length,
    );

    await labUp();
    expect(await pids()).toEqual(first);
    expect(readFileSync(LAB_INVENTORY, 'utf8')).toBe(inventory);
    expect((await labComponents()).filter((component) => !component.running)).toEqual([]);
  });

  it('down stops every process, closes every port and unmounts; a second down is a no-op', async () => {
    await labUp();
    const running = Object.values(await pids()).filter((pid): pid is number => pid !== undefined);
    expect(running.length).toBeGreaterThan(10);

    await labDown();
    await labDown();

    expect(running.filter((pid) => isAlive(pid))).toEqual([]);
    const open = [];
    for (const { address, port } of labListeners())
      if (await portOpen(address, port)) open.push(`${address}:${port}`);
    expect(open).toEqual([]);
    const left = (await labComponents()).filter(
      (component) => component.running && component.name !== 'rabbitmq vhost',
    );
    expect(left).toEqual([]);
  });
});

describe('npm run lab', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', LAB_CLI, ...args], (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it('status prints one line per component and exits 0 when all run', async () => {
    await labUp();
    const { code, stdout } = await cli(['status']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sshd db +127\.0\.0\.2:22 +up$/m);
    expect(stdout).toMatch(/^container samaconso_api_1 +api +up$/m);
    expect(stdout.trim().split('\n')).toHaveLength((await labComponents()).length);
  });

  it('refuses an unknown fault with the list of faults', async () => {
    const { code, stderr } = await cli(['fault', 'meteor-strike']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown fault "meteor-strike"');
    expect(stderr).toMatch(/^ {2}redis-full +the lab Redis filled/m);
  });
});
