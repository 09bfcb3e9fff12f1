import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Check, CheckContext } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { labHostEnv } from '../../test/lab/lab-containers.js';
import { labDocker } from '../../test/lab/lab-topology.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { compareChannels } from './channels-ab.js';
import { traceDiagnoses, traceRows } from './check-trace.js';
import { type CpuSplit, cpuPerRun } from './lab-cpu.js';

const run = promisify(execFile);
const SINGLE_RUNS = 5;
const TRACE_RUNS = 10;
const CPU_RUNS = 10;
/** SSH channels per host compared: the fixed 4 before issue 18, and the default sshChannels. */
const CHANNELS = [4, 8] as const;
const AB_ROUNDS = 5;
const AB_RUNS = 6;

/**
 * Issue 18's critical path, on warm clients: each check alone (the slowest is the limit), the
 * diagnosis against it, where a diagnosis's time goes (trace), the CPU it costs and the floor that
 * sets on this machine's cores, and the SSH channels per host compared in alternation.
 */
export async function criticalPathRows(
  section: string,
  checks: readonly Check[],
  context: CheckContext,
  warmMedianMs: number,
): Promise<BenchRow[]> {
  const trace = await traceDiagnoses(checks, context, TRACE_RUNS);
  const cpu = await cpuPerRun(() => runChecks(checks, context), CPU_RUNS);
  const singles = await singleCheckTimings(checks, context, SINGLE_RUNS);
  const byChannels = await compareChannels(checks, context.inventory, CHANNELS, AB_ROUNDS, AB_RUNS);
  const slowest = singles[0] ?? { name: 'none', medianMs: Number.NaN, statuses: {} };
  const ms = msRows(section);
  const ratio = (measure: string, value: number, goal?: string): BenchRow => ({
    section,
    measure,
    value: round1(value),
    unit: 'x',
    ...(goal ? { goal, met: value <= 1.2 } : {}),
  });
  return [
    ms(`slowest single check alone, warm (${slowest.name})`, slowest.medianMs, undefined, undefined, {
      singles: singles.map((single) => ({ ...single, medianMs: round1(single.medianMs) })),
    }),
    ratio('warm median / slowest single check (critical path)', warmMedianMs / slowest.medianMs, '<= 1.2 x'),
    ...traceRows(section, trace, TRACE_RUNS),
    ...cpuRows(section, cpu, slowest.medianMs, warmMedianMs),
    ...CHANNELS.map((count) =>
      ms(
        `warm median with ${count} SSH channels per host (alternated, ${AB_ROUNDS}×${AB_RUNS} each)`,
        byChannels[count] ?? Number.NaN,
        undefined,
        undefined,
        { toSlowestSingle: round1((byChannels[count] ?? Number.NaN) / slowest.medianMs) },
      ),
    ),
  ];
}

/**
 * The CPU of one warm diagnosis, and the floor it sets where the lab's hosts share the bot's cores:
 * no diagnosis ends before its slowest check, nor before its CPU is spent on every core.
 */
function cpuRows(section: string, cpu: CpuSplit, slowestMs: number, warmMs: number): BenchRow[] {
  const cores = availableParallelism();
  const floorMs = Math.max(slowestMs, (cpu.botMs + cpu.labMs) / cores);
  const ms = msRows(section);
  return [
    ms(`CPU of one warm diagnosis (n=${CPU_RUNS}), the bot (this process)`, cpu.botMs),
    ms(
      'CPU of one warm diagnosis, the lab hosts and services (sshd and its sessions, docker double, PostgreSQL, Redis, stand-ins)',
      cpu.labMs,
    ),
    ms(`floor on ${cores} cores: the slowest single check, or the CPU spread over the cores`, floorMs),
    { section, measure: 'warm median / that floor', value: round1(warmMs / floorMs), unit: 'x' },
  ];
}

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

/**
 * What starting one process costs on this machine: `/bin/true` run `count` times by one sh, per
 * run, the median of `rounds`. A lab diagnosis starts about 80 processes on the lab's servers
 * (sshd's session, the login shell, samaops-remote, timeout, the command), all on the bot's cores:
 * this figure, which differs several-fold between machines of the same kind, sets their cost.
 */
export async function processStartMs(count = 100, rounds = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await run('sh', ['-c', `i=0; while [ $i -lt ${count} ]; do /bin/true; i=$((i + 1)); done`]);
    samples.push((performance.now() - started) / count);
  }
  return summarise(samples).median;
}
