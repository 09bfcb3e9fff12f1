import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { remediations } from '../../../src/playbooks/remediations/index.js';
import { healFault, injectFault } from '../../lab/faults/lab-faults.js';
import { docker, waitHealthy } from '../../lab/lab-containers.js';
import { type LabSession, openLabSession } from '../../lab/lab-session.js';
import { LAB_DIR } from '../../lab/lab-topology.js';
import { argsOf, containerState, detections, labContext } from './remediation-lab-context.js';

/** Restarts over real SSH through the lab's docker double, with the real /health of the stand-ins. */

const restart = remediations.restart;
let lab: LabSession;

beforeAll(async () => {
  lab = await openLabSession();
});

afterAll(async () => {
  await lab?.close();
});

describe('restart', () => {
  it('brings a stopped API instance back (api-1-down): preview, evidence, run, /health green', async () => {
    const context = labContext(lab.inventory, lab.clients);
    await injectFault('api-1-down');
    try {
      const args = argsOf(restart.parse(['samaconso_api_1'], lab.inventory));
      expect(restart.tier(args, lab.inventory)).toBe(1);
      expect(restart.targetKey(args, lab.inventory)).toBe('api:instances');
      const preview = await restart.preview(context, args);
      expect(preview.lines.map((line) => translate('en', line))[0]).toMatch(
        /^api: `docker restart samaconso_api_1` \(current status: Exited \(0\) .* ago\)$/,
      );
      const evidence = await restart.evidence(context, args);
      const [captured] = evidence.containers as { state: string; logs: string }[];
      expect(captured?.state).toBe('exited');
      expect(captured?.logs).toContain('Uvicorn running');

      const outcome = await restart.run(context, args, preview);
      expect(outcome.ok, outcome.output).toBe(true);
      expect(translate('en', outcome.summary)).toBe('Restarted: samaconso_api_1');
      expect(outcome.output).toMatch(/samaconso_api_1: GET \/health → HTTP 200 \(\d+ ms\)/);
      const results = await lab.until(detections(restart.verifiedBy(args, lab.inventory)), ['ok']);
      expect(results.map((result) => `${result.id} ${result.target} ${result.status}`)).toEqual([
        'api.health samaconso_api_1 ok',
        'docker.containers api ok',
      ]);
    } finally {
      await healFault('api-1-down');
    }
  });

  it('restarts the API pair one at a time: the second only after the first is healthy', async () => {
    const context = labContext(lab.inventory, lab.clients);
    const args = argsOf(restart.parse(['api'], lab.inventory));
    expect(restart.tier(args, lab.inventory)).toBe(2);
    const before = Date.now();
    const preview = await restart.preview(context, args);
    expect(preview.lines).toHaveLength(3);
    const outcome = await restart.run(context, args, preview);
    expect(outcome.ok, outcome.output).toBe(true);

    // The double's own record: both started again, api_1 first, api_2 after api_1 answered /health.
    const first = containerState('samaconso_api_1');
    const second = containerState('samaconso_api_2');
    expect(first.startedAt).toBeGreaterThan(before);
    expect(second.startedAt).toBeGreaterThan(first.startedAt);
    const steps = outcome.data?.steps as { container: string; restartedAt: string; healthyAt: string }[];
    expect(steps.map((step) => step.container)).toEqual(['samaconso_api_1', 'samaconso_api_2']);
    const firstHealthy = Date.parse(steps[0]?.healthyAt ?? '');
    expect(firstHealthy).toBeGreaterThanOrEqual(first.startedAt);
    expect(Date.parse(steps[1]?.restartedAt ?? '')).toBeGreaterThanOrEqual(firstHealthy);
    // api_2 was stopped only after api_1 was healthy again: never both down.
    expect(second.startedAt).toBeGreaterThan(firstHealthy);
  });

  it('aborts a rolling restart when the first instance stays down, leaving the second untouched', async () => {
    // A real way to keep it down: api_1 restarts onto api_2's port, so its new process exits at
    // once with EADDRINUSE, exactly as a container with a port conflict would.
    const specFile = join(LAB_DIR, 'containers', 'samaconso_api_1', 'spec.json');
    const original = readFileSync(specFile, 'utf8');
    const spec = JSON.parse(original) as { env: Record<string, string> };
    const context = labContext(lab.inventory, lab.clients, { healthTimeoutMs: 3000 });
    const secondBefore = containerState('samaconso_api_2');
    writeFileSync(specFile, JSON.stringify({ ...spec, env: { ...spec.env, PORT: '8002' } }, null, 2));
    try {
      const args = argsOf(restart.parse(['samaconso_api_1', 'samaconso_api_2'], lab.inventory));
      const preview = await restart.preview(context, args);
      const started = performance.now();
      const outcome = await restart.run(context, args, preview);
      const elapsed = performance.now() - started;
      expect(outcome.ok).toBe(false);
      expect(translate('en', outcome.summary)).toBe(
        'Stopped: samaconso_api_1 does not answer 2xx on /health after 3 s; left untouched: samaconso_api_2',
      );
      expect(outcome.output).toMatch(/samaconso_api_1: GET \/health → .+ \(\d+ ms\)/);
      expect(outcome.data?.steps).toHaveLength(1);
      // Costs about its health timeout (3 s) plus the restart itself, not more.
      expect(elapsed).toBeGreaterThan(3000);
      expect(elapsed).toBeLessThan(15_000);
      const state = await docker('api', [
        'ps',
        '-a',
        '--filter',
        'name=samaconso_api_1',
        '--format',
        '{{.State}}',
      ]);
      expect(state.trim()).toBe('exited');
      const secondAfter = containerState('samaconso_api_2');
      expect(secondAfter.startedAt).toBe(secondBefore.startedAt);
      expect(secondAfter.pid).toBe(secondBefore.pid);
    } finally {
      writeFileSync(specFile, original);
      await docker('api', ['start', 'samaconso_api_1']);
      await waitHealthy('samaconso_api_1');
    }
  });
});
