import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Check, CheckContext } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import type { SshPool } from '../../src/remote/ssh-pool.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

/** Where one check of a warm diagnosis spent its time, medians over the traced runs, ms. */
export interface CheckTrace {
  name: string;
  /** From the diagnosis's start to the check's end. */
  endMs: number;
  /** The check's own duration (runChecks' durationMs). */
  durationMs: number;
  /** Its SSH commands: the longest wait for a free channel on the host's connection. */
  channelWaitMs: number;
  /** Its SSH commands: the longest exec (channel open to close). */
  execMs: number;
  /** SSH commands it sent. */
  sshCommands: number;
}

/** A traced set of warm diagnoses: the wall times, each check's trace, the event loop's delay. */
export interface DiagnosisTrace {
  wallMs: number;
  checks: CheckTrace[];
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** The same over as long a time with no diagnosis running: what the machine's load alone costs. */
  idleEventLoopDelayP99Ms: number;
}

interface Sample {
  endMs: number;
  durationMs: number;
  channelWaitMs: number;
  execMs: number;
  sshCommands: number;
}

/**
 * Bench only: runs the checks together as runChecks does (all at once, each under its timeout),
 * each with its own view of the SSH pool, so that a slow check's time splits into waiting for a
 * channel and running its commands. The event loop's delay is sampled meanwhile.
 */
export async function traceDiagnoses(
  checks: readonly Check[],
  context: CheckContext,
  runs: number,
): Promise<DiagnosisTrace> {
  const samples = new Map<string, Sample[]>(checks.map((check) => [nameOf(check), []]));
  const walls: number[] = [];
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  idle.disable();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await Promise.all(
      checks.map(async (check) => {
        const sample: Sample = { endMs: 0, durationMs: 0, channelWaitMs: 0, execMs: 0, sshCommands: 0 };
        const ssh = tracedSsh(context.clients.ssh, sample);
        const diagnosis = await runChecks([check], { ...context, clients: { ...context.clients, ssh } });
        sample.endMs = performance.now() - started;
        sample.durationMs = diagnosis.durationMs;
        samples.get(nameOf(check))?.push(sample);
      }),
    );
    walls.push(performance.now() - started);
  }
  delay.disable();
  const median = (values: number[]) => round1(summarise(values).median);
  const traces = [...samples].map(([name, list]) => ({
    name,
    endMs: median(list.map((s) => s.endMs)),
    durationMs: median(list.map((s) => s.durationMs)),
    channelWaitMs: median(list.map((s) => s.channelWaitMs)),
    execMs: median(list.map((s) => s.execMs)),
    sshCommands: list[0]?.sshCommands ?? 0,
  }));
  return {
    wallMs: median(walls),
    checks: traces.sort((a, b) => b.endMs - a.endMs),
    eventLoopDelayP99Ms: round1(delay.percentile(99) / 1e6),
    eventLoopDelayMaxMs: round1(delay.max / 1e6),
    idleEventLoopDelayP99Ms: round1(idle.percentile(99) / 1e6),
  };
}

/** How long the event loop is sampled with nothing running, for comparison. */
const IDLE_SAMPLE_MS = 2000;

const nameOf = (check: Check) => `${check.id}@${check.target}`;

/** The pool, recording each command's channel wait and exec time into `sample`. */
function tracedSsh(pool: SshPool, sample: Sample): SshPool {
  return {
    ...pool,
    async run(server, command, signal, timeoutMs) {
      const output = await pool.run(server, command, signal, timeoutMs);
      sample.sshCommands += 1;
      sample.channelWaitMs = Math.max(sample.channelWaitMs, output.channelWaitMs);
      sample.execMs = Math.max(sample.execMs, output.durationMs);
      return output;
    },
  };
}

/** The trace as bench rows: where the last check's time went, the longest channel wait, the event loop. */
export function traceRows(section: string, trace: DiagnosisTrace, runs: number): BenchRow[] {
  const ms = msRows(section);
  const last = trace.checks[0];
  const waited = [...trace.checks].sort((a, b) => b.channelWaitMs - a.channelWaitMs)[0];
  return [
    ms(
      `traced (n=${runs}): last check to end (${last?.name ?? 'none'}), its end`,
      last?.endMs ?? Number.NaN,
      undefined,
      undefined,
      { wallMs: trace.wallMs, checks: trace.checks },
    ),
    ms(
      'traced: that check waiting for an SSH channel / running its longest command',
      last?.channelWaitMs ?? 0,
      undefined,
      undefined,
      {
        execMs: last?.execMs ?? 0,
      },
    ),
    ms(`traced: longest wait for an SSH channel (${waited?.name ?? 'none'})`, waited?.channelWaitMs ?? 0),
    ms(
      'traced: event loop delay p99 during the diagnoses (idle: in details)',
      trace.eventLoopDelayP99Ms,
      undefined,
      undefined,
      {
        maxMs: trace.eventLoopDelayMaxMs,
        idleP99Ms: trace.idleEventLoopDelayP99Ms,
      },
    ),
  ];
}
