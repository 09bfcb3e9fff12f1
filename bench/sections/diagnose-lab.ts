import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
import { criticalPathRows, dockerDoubleCallMs, processStartMs } from './critical-path.js';

const run = promisify(execFile);
const WARM_RUNS = 30;
const COLD_RUNS = 10;
const SCRIPT_RUNS = 5;
const DOCKER_CALLS = 20;

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
  const w = summarise(warm);
  const section = `diagnose all (lab, ${checks.length} checks)`;
  const criticalPath = await criticalPathRows(section, checks, { inventory, clients: warmClients }, w.median);
  await warmClients.close();
  const dockerCallMs = await dockerDoubleCallMs(DOCKER_CALLS);
  const processMs = await processStartMs();

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

  const c = summarise(cold);
  const s = summarise(script);
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
    ...criticalPath,
    ms(`docker CLI double, one \`docker ps\` (n=${DOCKER_CALLS}; real CLI: tens of ms)`, dockerCallMs),
    ms('this machine: starting one process (fork and exec of /bin/true from sh, median of 5×100)', processMs),
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
