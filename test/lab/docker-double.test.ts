import { randomBytes } from 'node:crypto';
import { readFileSync, statfsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { docker, labHostEnv, waitHealthy } from './lab-containers.js';
import { httpOk, run } from './lab-process.js';
import { type LabSession, openLabSession } from './lab-session.js';
import { hostPaths, LAB_DIR, labServices } from './lab-topology.js';

/** The docker test double speaks the real CLI's formats and really stops and starts processes. */

let lab: LabSession;

beforeAll(async () => {
  lab = await openLabSession();
});

afterAll(async () => {
  await lab?.close();
});

const REAL_PS_FIELDS = [
  'Command',
  'CreatedAt',
  'ID',
  'Image',
  'Labels',
  'LocalVolumes',
  'Mounts',
  'Names',
  'Networks',
  'Ports',
  'RunningFor',
  'Size',
  'State',
  'Status',
];

async function psJson(host: 'db' | 'api' | 'workers'): Promise<Record<string, string>[]> {
  const out = await docker(host, ['ps', '-a', '--format', '{{json .}}']);
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

function pidOf(name: string): number {
  return (
    JSON.parse(readFileSync(join(LAB_DIR, 'containers', name, 'state.json'), 'utf8')) as { pid: number }
  ).pid;
}

describe('docker double', () => {
  it('lists only its host containers, with the real JSON fields and statuses', async () => {
    const rows = await psJson('api');
    expect(rows.map((row) => row.Names)).toEqual(['samaconso_api_1', 'samaconso_api_2']);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(REAL_PS_FIELDS);
      expect(row.State).toBe('running');
      expect(row.Status).toMatch(
        /^Up (Less than a second|\d+ seconds?|About a minute|\d+ minutes)( \((healthy|health: starting)\))$/,
      );
      expect(row.ID).toMatch(/^[0-9a-f]{12}$/);
      expect(row.CreatedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$/);
    }
    await expect(docker('api', ['logs', 'samaconso_flower'])).rejects.toThrow(
      /No such container: samaconso_flower/,
    );
    await expect(docker('api', ['frobnicate'])).rejects.toThrow(/not a docker command/);
  });

  it('admits root and the docker group to its daemon’s socket, and refuses anyone else as dockerd does', async () => {
    const env = labHostEnv('api');
    const asUser = (user: string) =>
      run('runuser', [
        '-u',
        user,
        '--',
        'env',
        `PATH=${env.PATH}`,
        `DOCKER_HOST=${env.DOCKER_HOST}`,
        `SAMAOPS_LAB_HOST=api`,
        'docker',
        'ps',
        '--format',
        '{{.Names}}',
      ]);
    expect(await asUser('samaops')).toBe('samaconso_api_1\nsamaconso_api_2\n');
    await expect(asUser('nobody')).rejects.toThrow(
      /permission denied while trying to connect to the Docker daemon socket at unix:\/\/.*docker\.sock/,
    );
  });

  it('prints the runbook table format with aligned columns', async () => {
    const out = await docker('workers', ['ps', '--format', 'table {{.Names}}\\t{{.Status}}']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAMES {3,}STATUS$/);
    expect(lines.slice(1).map((line) => line.split(/ {3,}/)[0])).toEqual([
      'samaconso_celery_worker_1',
      'samaconso_celery_worker_2',
      'samaconso_flower',
    ]);
    expect(lines[1]?.indexOf('Up')).toBe(lines[0]?.indexOf('STATUS'));
  });

  it('restart really stops and starts the process, which answers /health again', async () => {
    const before = pidOf('samaconso_api_2');
    expect(await docker('api', ['restart', 'samaconso_api_2'])).toBe('samaconso_api_2\n');
    expect(pidOf('samaconso_api_2')).not.toBe(before);
    await eventually('api 2 to answer /health', () => httpOk('http://127.0.0.3:8002/health'));
  });

  it('stop shows the container exited, start brings it back; logs --tail cuts the log', async () => {
    await docker('db', ['stop', 'samaconso_minio']);
    try {
      const [minio] = await psJson('db');
      expect(minio?.State).toBe('exited');
      expect(minio?.Status).toMatch(/^Exited \(0\) (Less than a second|\d+ seconds?) ago$/);
      expect(minio?.Ports).toBe('');
      expect(await docker('db', ['ps', '--format', '{{.Names}}'])).toBe('');
    } finally {
      await docker('db', ['start', 'samaconso_minio']);
    }
    await waitHealthy('samaconso_minio');
    const tail = await docker('db', ['logs', '--tail', '2', 'samaconso_minio']);
    expect(tail.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('image prune --filter until=72h removes old unused layers only, and frees the disk', async () => {
    const images = join(hostPaths('workers').dataMount, 'docker', 'images');
    const old = join(images, `${randomBytes(8).toString('hex')}.layer`);
    const recent = join(images, `${randomBytes(8).toString('hex')}.layer`);
    writeFileSync(old, Buffer.alloc(1_000_000));
    writeFileSync(recent, Buffer.alloc(10_000));
    const fourDaysAgo = new Date(Date.now() - 96 * 3_600_000);
    utimesSync(old, fourDaysAgo, fourDaysAgo);
    const freeBefore = statfsSync(images).bfree;

    const df = await docker('workers', ['system', 'df']);
    expect(df).toMatch(/^TYPE {3,}TOTAL {3,}ACTIVE {3,}SIZE {3,}RECLAIMABLE$/m);
    const out = await docker('workers', ['image', 'prune', '-af', '--filter', 'until=72h']);
    expect(out).toMatch(/^Deleted Images:\ndeleted: sha256:[0-9a-f]{16}\n\nTotal reclaimed space: 1MB\n$/);
    expect(statfsSync(images).bfree).toBeGreaterThan(freeBefore);

    const all = await docker('workers', ['image', 'prune', '-af']);
    expect(all).toBe(
      'Deleted Images:\ndeleted: sha256:' +
        recent.replace(/.*\//, '').replace('.layer', '') +
        '\n\nTotal reclaimed space: 10kB\n',
    );
  });

  it('compose up --scale adds a real consumer seen by Flower, and scales back down', async () => {
    const flower = `http://${labServices.flower.address}:${labServices.flower.port}/api/workers`;
    const { username, password } = labServices.flower;
    const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    expect((await fetch(flower)).status).toBe(401);
    const live = async () =>
      Object.keys((await (await fetch(flower, { headers: { authorization } })).json()) as object).sort();
    try {
      await docker('workers', [
        'compose',
        '-f',
        'docker-compose.workers.yml',
        'up',
        '-d',
        '--scale',
        'celery_worker_2=2',
      ]);
      await eventually('three live workers', async () => (await live()).length === 3);
      expect(await live()).toContain('celery@samaconso_celery_worker_2_2');
    } finally {
      // The runbook's spelling (docker-compose v1), through the wrapper script on the hosts' PATH.
      const args = ['-f', 'docker-compose.workers.yml', 'up', '-d', '--scale', 'celery_worker_2=1'];
      await run('docker-compose', args, { env: labHostEnv('workers') });
    }
    expect((await psJson('workers')).map((row) => row.Names)).not.toContain('samaconso_celery_worker_2_2');
    // Flower counts a worker live by its heartbeat, which a loaded machine can delay for a moment.
    const both = ['celery@samaconso_celery_worker_1', 'celery@samaconso_celery_worker_2'];
    await eventually('the two workers live again', async () => (await live()).join() === both.join());
  });
});
