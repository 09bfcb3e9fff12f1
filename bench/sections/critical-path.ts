import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Check, CheckContext } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { labHostEnv } from '../../test/lab/lab-containers.js';
import { labDocker } from '../../test/lab/lab-topology.js';
import { summarise } from '../stats.js';

const run = promisify(execFile);

/** One check run alone, warm: its median wall time and the statuses it gave. */
export interface SingleCheckTiming {
  name: string;
  medianMs: number;
  statuses: Record<string, number>;
}

/**
 * Each check run alone, one after another, warm (the clients already connected): a diagnosis
 * that runs them all together can be no faster than the slowest of these, its critical path.
 */
export async function singleCheckTimings(
  checks: readonly Check[],
  context: CheckContext,
  runs: number,
): Promise<SingleCheckTiming[]> {
  const timings: SingleCheckTiming[] = [];
  for (const check of checks) {
    await runChecks([check], context);
    const samples: number[] = [];
    const statuses: Record<string, number> = {};
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const diagnosis = await runChecks([check], context);
      samples.push(performance.now() - started);
      for (const result of diagnosis.results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    }
    timings.push({ name: `${check.id}@${check.target}`, medianMs: summarise(samples).median, statuses });
  }
  return timings.sort((a, b) => b.medianMs - a.medianMs);
}

/**
 * What the lab's docker CLI double costs per call (`docker ps` on the api host, as a session
 * there runs it), so a reader can subtract it from the diagnose: the real CLI costs tens of ms.
 */
export async function dockerDoubleCallMs(runs: number): Promise<number> {
  const env = { ...process.env, ...labHostEnv('api') };
  const docker = join(labDocker.bin, 'docker');
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run(docker, ['ps', '--format', '{{.Names}}'], { env });
    samples.push(performance.now() - started);
  }
  return summarise(samples).median;
}
