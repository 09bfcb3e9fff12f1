import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { remediations } from '../../../src/playbooks/remediations/index.js';
import { healFault, injectFault } from '../../lab/faults/lab-faults.js';
import { docker } from '../../lab/lab-containers.js';
import { type LabSession, openLabSession } from '../../lab/lab-session.js';
import { argsOf, detections, labContext } from './remediation-lab-context.js';

/** scale and cleanup over real SSH on the lab hosts, through the docker double. */

let lab: LabSession;

beforeAll(async () => {
  lab = await openLabSession();
});

afterAll(async () => {
  await lab?.close();
});

async function workerNames(): Promise<string[]> {
  const names = await docker('workers', ['ps', '--format', '{{.Names}}']);
  return names.split('\n').filter((name) => name.startsWith('samaconso_celery_worker_2'));
}

describe('scale', () => {
  it('scales celery_worker_2 to 3 and back to 1 with docker compose --scale on the workers server', async () => {
    const scale = remediations.scale;
    const context = labContext(lab.inventory, lab.clients);
    try {
      const args = argsOf(scale.parse(['celery_worker_2', '3'], lab.inventory));
      expect(scale.tier(args, lab.inventory)).toBe(2);
      expect(scale.targetKey(args, lab.inventory)).toBe('service:workers/celery_worker_2');
      const preview = await scale.preview(context, args);
      expect(translate('en', preview.lines[0] ?? { key: 'fix.args.usage' })).toBe(
        'workers: `docker compose -f /opt/samaconso/docker-compose.workers.yml up -d --scale celery_worker_2=3 celery_worker_2` (1 running → 3)',
      );
      const evidence = await scale.evidence(context, args);
      expect(evidence.replicasBefore).toEqual([{ name: 'samaconso_celery_worker_2', state: 'running' }]);
      const up = await scale.run(context, args, preview);
      expect(up.ok, up.output).toBe(true);
      expect(await workerNames()).toEqual([
        'samaconso_celery_worker_2',
        'samaconso_celery_worker_2_2',
        'samaconso_celery_worker_2_3',
      ]);

      const downArgs = argsOf(scale.parse(['celery_worker_2', '1'], lab.inventory));
      const down = await scale.run(context, downArgs, await scale.preview(context, downArgs));
      expect(down.ok, down.output).toBe(true);
      expect(translate('en', down.summary)).toBe('celery_worker_2: 1 replica running');
      expect(await workerNames()).toEqual(['samaconso_celery_worker_2']);
    } finally {
      // Leave the lab as found even if an assertion failed half-way.
      await docker('workers', ['compose', '-f', '/unused.yml', 'up', '-d', '--scale', 'celery_worker_2=1']);
    }
  });
});

describe('cleanup', () => {
  it('frees the disk-full fault’s space: image prune, journald vacuum (or skipped), df before/after', async () => {
    const cleanup = remediations.cleanup;
    const context = labContext(lab.inventory, lab.clients);
    const args = argsOf(cleanup.parse(['db'], lab.inventory));
    const checks = detections(cleanup.verifiedBy(args, lab.inventory));
    expect(checks).toEqual([{ id: 'disk.usage', target: 'db:/srv/samaops-lab/db/data' }]);
    await injectFault('disk-full');
    try {
      await lab.until(checks, ['fail']);
      const preview = await cleanup.preview(context, args);
      expect(preview.lines.map((line) => translate('en', line))).toEqual([
        'db: `docker image prune -af --filter until=72h` then `journalctl --vacuum-time=3d` (skipped when journald is absent)',
        expect.stringMatching(/^\/srv\/samaops-lab\/db\/data: 9[5-9] % used, [\d.]+ [KM]iB free$/),
      ]);
      const outcome = await cleanup.run(context, args, preview);
      expect(outcome.ok, outcome.output).toBe(true);
      // The fault wrote about 97 % of a 4 MiB mount.
      expect(outcome.data?.freedKiB).toBeGreaterThan(3500);
      expect(outcome.output).toContain('Total reclaimed space:');
      // journald runs or is absent (exit 127: skipped, not a failure), depending on the machine.
      expect(['skipped', 0]).toContain(outcome.data?.journal);
      expect(outcome.output).toContain('$ journalctl --vacuum-time=3d');
      const after = await lab.until(checks, ['ok']);
      expect(after.map((result) => result.status)).toEqual(['ok']);
    } finally {
      await healFault('disk-full');
    }
  });
});
