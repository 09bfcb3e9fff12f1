import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildChecks } from '../../src/checks/build-checks.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { diagnosePlaybooks } from '../../src/playbooks/diagnose-playbooks.js';
import { labUp } from '../../test/lab/lab.js';
import { setLabRootLogin } from '../../test/lab/lab-ssh.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { traceDiagnoses, traceRows } from './check-trace.js';
import { dockerDoubleCallMs, singleCheckTimings } from './critical-path.js';
import { type CpuSplit, cpuPerRun } from './lab-cpu.js';

const run = promisify(execFile);
const WARM_RUNS = 30;
const COLD_RUNS = 10;
const SCRIPT_RUNS = 5;
const SINGLE_RUNS = 5;
const DOCKER_CALLS = 20;
const TRACE_RUNS = 10;
const CPU_RUNS = 10;

/**
 * Issue 3: the full diagnosis against the lab (SSH checks included), warm (pooled connections, as
 * the bot runs) and cold (new clients and SSH handshakes), beside the runbook's way of doing the
 * same checks: bench/runbook-health-check.sh, one ssh/psql/redis-cli/curl after another.
 */
export async function diagnoseLab(): Promise<BenchRow[]> {
  const { durationMs: upMs, inventory: file } = await labUp();
  const inventory = loadInventory(file);
  const checks = buildChecks(diagnosePlaybooks.all.checks, inventory);

  const warmClients = createPlatformClients(inventory, silentLogger());
  for (let i = 0; i < 3; i += 1) await runChecks(checks, { inventory, clients: warmClients });
  const warm: number[] = [];
  const statuses: Record<string, number> = {};
  const notOk = new Set<string>();
  for (let i = 0; i < WARM_RUNS; i += 1) {
    const started = performance.now();
    const diagnosis = await runChecks(checks, { inventory, clients: warmClients });
    warm.push(performance.now() - started);
    for (const result of diagnosis.results) {
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      if (result.status !== 'ok') notOk.add(`${result.id}@${result.target}: ${result.status}`);
    }
  }
  const trace = await traceDiagnoses(checks, { inventory, clients: warmClients }, TRACE_RUNS);
  const cpu = await cpuPerRun(() => runChecks(checks, { inventory, clients: warmClients }), CPU_RUNS);
  const singles = await singleCheckTimings(checks, { inventory, clients: warmClients }, SINGLE_RUNS);
  await warmClients.close();
  const dockerCallMs = await dockerDoubleCallMs(DOCKER_CALLS);

  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const started = performance.now();
    const clients = createPlatformClients(inventory, silentLogger());
    await runChecks(checks, { inventory, clients });
    cold.push(performance.now() - started);
    await clients.close();
  }

  // The runbook's script runs its own shell commands as root: the bot's restricted login refuses
  // them, so the script gets the lab's comparison option, an unrestricted root login, for its runs.
  const env = scriptEnvironment(inventory);
  const script: number[] = [];
  setLabRootLogin(true);
  try {
    for (let i = 0; i < SCRIPT_RUNS; i += 1) {
      const started = performance.now();
      await run('bash', ['bench/runbook-health-check.sh'], { env: { ...process.env, ...env } });
      script.push(performance.now() - started);
    }
  } finally {
    setLabRootLogin(false);
  }

  const section = `diagnose all (lab, ${checks.length} checks)`;
  const w = summarise(warm);
  const c = summarise(cold);
  const s = summarise(script);
  const slowest = singles[0] ?? { name: 'none', medianMs: Number.NaN, statuses: {} };
  const ms = msRows(section);
  return [
    ms('lab up (from down: starts it; already up: checks it)', upMs),
    ms(`warm median (n=${WARM_RUNS})`, w.median, '< 400 ms', w.median < 400, { ...w }),
    ms('warm p95', w.p95),
    {
      section,
      measure: `checks not ok over the warm runs (of ${WARM_RUNS * checks.length})`,
      value: WARM_RUNS * checks.length - (statuses.ok ?? 0),
      unit: 'results',
      goal: '0 on a healthy lab',
      met: notOk.size === 0,
      details: { statuses, notOk: [...notOk] },
    },
    ms(`slowest single check alone, warm (${slowest.name})`, slowest.medianMs, undefined, undefined, {
      singles: singles.map((single) => ({ ...single, medianMs: round1(single.medianMs) })),
    }),
    {
      section,
      measure: 'warm median / slowest single check (critical path)',
      value: round1(w.median / slowest.medianMs),
      unit: 'x',
      goal: '<= 1.2 x',
      met: w.median / slowest.medianMs <= 1.2,
    },
    ...traceRows(section, trace, TRACE_RUNS),
    ...cpuRows(section, cpu, slowest.medianMs, w.median),
    ms(`docker CLI double, one \`docker ps\` (n=${DOCKER_CALLS}; real CLI: tens of ms)`, dockerCallMs),
    ms(`cold median (n=${COLD_RUNS})`, c.median, '< 1500 ms', c.median < 1500, { ...c }),
    ms(`runbook script, sequential (n=${SCRIPT_RUNS})`, s.median, undefined, undefined, { ...s }),
    {
      section,
      measure: 'runbook script / samaops warm (median ratio)',
      value: round1(s.median / w.median),
      unit: 'x',
      goal: '>= 15 x',
      met: s.median / w.median >= 15,
      details: { coldRatio: round1(s.median / c.median) },
    },
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
    {
      section,
      measure: 'warm median / that floor',
      value: round1(warmMs / floorMs),
      unit: 'x',
    },
  ];
}

/** The script's environment, from the lab inventory; host keys pinned through a known_hosts file. */
function scriptEnvironment(inventory: Inventory): Record<string, string> {
  const knownHosts = join('.lab', 'bench_known_hosts');
  const lines = inventory.servers.map((server) => {
    const publicKey = readFileSync(
      join('.lab', 'hosts', server.name, 'ssh', 'ssh_host_ed25519_key.pub'),
      'utf8',
    );
    const [type, key] = publicKey.trim().split(/\s+/);
    return `${server.host} ${type} ${key}`;
  });
  writeFileSync(knownHosts, `${lines.join('\n')}\n`);
  const { services } = inventory;
  const redis = new URL(services.redis?.url ?? 'redis://127.0.0.1:6379');
  const flower = services.flower;
  return {
    KNOWN_HOSTS: knownHosts,
    SSH_TARGETS: inventory.servers
      .map(
        (server) =>
          `root@${server.host}:${join('.lab', 'hosts', server.name, 'ssh', 'client_ed25519')}:${server.mountPoints[0] ?? '/'}:${server.logGlobs[0] ?? '/dev/null'}`,
      )
      .join(' '),
    API_URLS: services.api.map((api) => api.healthUrl).join(' '),
    PG_URL: services.postgres?.url ?? '',
    REDIS_HOST: redis.hostname,
    REDIS_PORT: redis.port || '6379',
    FLOWER_URL: flower?.url ?? '',
    FLOWER_AUTH: `${flower?.username ?? ''}:${flower?.password ?? ''}`,
    MINIO_URL: services.minio?.url ?? '',
  };
}
