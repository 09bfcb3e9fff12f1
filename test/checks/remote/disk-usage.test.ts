import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RemoteCheckHost, startRemoteCheckHost } from './remote-check-host.js';

let lab: RemoteCheckHost;
let mount: string;

beforeAll(async () => {
  lab = await startRemoteCheckHost('disk', '127.0.0.55');
  mount = join(lab.dir, 'data');
  mkdirSync(mount);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
});

afterAll(async () => {
  if (mount) execFileSync('umount', [mount]);
  await lab?.stop();
});

describe('disk.usage over real SSH', () => {
  it('reports each mount point of the server against 85 / 95 %', async () => {
    writeFileSync(join(mount, 'fill'), Buffer.alloc(940 * 1024));
    const { results } = await lab.diagnose(['disk.usage'], { mountPoints: ['/', mount] });
    expect(results.map((result) => result.target)).toEqual(['disk:/', `disk:${mount}`]);
    const [root, data] = results;
    expect(root?.unit).toBe('%');
    expect(root?.value).toBeGreaterThanOrEqual(0);
    expect(root?.value).toBeLessThanOrEqual(100);
    expect(data?.value).toBeGreaterThan(85);
    expect(data?.value).toBeLessThanOrEqual(95);
    expect(data?.status).toBe('warn');
    expect(data?.data?.mountedOn).toBe(mount);
    expect(data?.threshold).toEqual({ direction: 'above', warn: 85, fail: 95, unit: '%' });
  });

  it('fails once the mount point is past 95 %', async () => {
    writeFileSync(join(mount, 'fill'), Buffer.alloc(1000 * 1024));
    const { results } = await lab.diagnose(['disk.usage'], { mountPoints: [mount] });
    expect(results[0]?.status).toBe('fail');
    expect(results[0]?.value).toBeGreaterThan(95);
  });

  it('is unknown, with df’s reason, for a mount point that does not exist', async () => {
    const { results } = await lab.diagnose(['disk.usage'], { mountPoints: [join(lab.dir, 'nowhere')] });
    expect(results[0]?.status).toBe('unknown');
    expect(String(results[0]?.detail.params?.reason)).toMatch(/No such file/);
  });
});
