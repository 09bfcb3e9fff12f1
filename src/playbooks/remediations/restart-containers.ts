import type { Inventory } from '../../config/schema.js';
import type { Remediation, RemediationArgs, VerifyingCheck } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { dockerRestart } from '../../remote/remote-commands.js';
import { cappedOutput } from './capped-output.js';
import {
  apiInstanceOf,
  containerLogTail,
  containerStatusLine,
  knownContainers,
  requireServer,
  serverOfContainer,
} from './container-targets.js';
import { accepted, listArg, refusedUsage, refusedValue } from './parse-words.js';
import { waitUntilHealthy } from './wait-until-healthy.js';

/** The word that names every API instance: a rolling restart of the pair. */
const API_WORD = 'api';
/** Log lines kept as evidence before a restart (runbook: `docker logs --tail 50`). */
const EVIDENCE_LOG_LINES = 50;
/** Budget of one `docker restart` over SSH: docker stop waits 10 s before KILL, then starts. */
const RESTART_TIMEOUT_MS = 60_000;

const usage = msg('usage.restart');

/** One container restarted (or not) during a run, with its times: the order is provable. */
interface RestartStep {
  container: string;
  server: string;
  restartedAt: string;
  code: number | null;
  healthyAt?: string;
  healthyAfterMs?: number;
}

/**
 * Runbook 10.1 Problème 1 / 2: `docker restart` over SSH. Containers of API instances are
 * restarted one at a time, each waiting for its `/health` to be 2xx again before the next is
 * touched; if one stays down the run stops there, leaving the others untouched.
 */
export const restartContainers: Remediation = {
  id: 'restart',
  usage,
  parse(words, inventory) {
    const known = knownContainers(inventory);
    const apis = apiContainers(inventory);
    const valid = apis.length > 0 ? [...known, API_WORD] : known;
    if (words.length === 0) return refusedUsage(usage);
    if (words.length === 1 && words[0] === API_WORD) {
      if (apis.length === 0) return refusedValue('container', API_WORD, valid);
      return accepted({ containers: apis });
    }
    for (const word of words) if (!known.includes(word)) return refusedValue('container', word, valid);
    if (new Set(words).size !== words.length) return refusedUsage(usage);
    if (words.length === 1) return accepted({ containers: [...words] });
    // Several containers only as API instances: they then go in the inventory's order, one at a time.
    const other = words.find((word) => !apis.includes(word));
    if (other !== undefined) return refusedValue('container', other, valid);
    return accepted({ containers: apis.filter((name) => words.includes(name)) });
  },
  tier: (args) => (listArg(args, 'containers').length > 1 ? 2 : 1),
  targetKey(args, inventory) {
    const containers = listArg(args, 'containers');
    // Any restart touching an API instance holds one key, so that two never overlap: one
    // instance of the pair stays up behind the load balancer.
    if (containers.some((name) => apiInstanceOf(inventory, name))) return 'api:instances';
    const [name = ''] = containers;
    return `container:${serverOfContainer(inventory, name)?.name ?? '?'}/${name}`;
  },
  targetLabel: (args) => listArg(args, 'containers').join(' → '),
  async preview(context, args) {
    const containers = stored(args, context.inventory);
    const rows = [];
    for (const { name, server } of containers) {
      const { status } = await containerStatusLine(context, server, name);
      rows.push({ container: name, server: server.name, command: `docker restart ${name}`, status });
    }
    const lines = rows.map((row) => msg('fix.restart.preview', row));
    if (rows.length > 1) {
      const seconds = Math.round(context.inventory.remediationTargets.healthTimeoutMs / 1000);
      lines.push(msg('fix.restart.previewRolling', { seconds }));
    }
    return { lines, data: { containers: rows } };
  },
  async evidence(context, args) {
    const containers = [];
    for (const { name, server } of stored(args, context.inventory)) {
      const status = await containerStatusLine(context, server, name);
      const logs = await containerLogTail(context, server, name, EVIDENCE_LOG_LINES);
      containers.push({ container: name, server: server.name, ...status, logs: cappedOutput([logs]) });
    }
    return { containers };
  },
  async run(context, args) {
    const containers = stored(args, context.inventory);
    const { healthTimeoutMs } = context.inventory.remediationTargets;
    const steps: RestartStep[] = [];
    const output: string[] = [];
    for (const [index, { name, server }] of containers.entries()) {
      const untouched = containers.slice(index + 1).map((each) => each.name);
      const restartedAt = new Date().toISOString();
      const result = await context.clients.ssh.run(
        server,
        dockerRestart(server, name),
        context.signal,
        RESTART_TIMEOUT_MS,
      );
      output.push(`$ docker restart ${name}  (${server.name})`, scrubSecrets(result.stdout), result.stderr);
      const step: RestartStep = { container: name, server: server.name, restartedAt, code: result.code };
      steps.push(step);
      if (result.code !== 0) {
        return finish(false, msg('fix.restart.failed', { container: name, code: String(result.code) }));
      }
      const instance = apiInstanceOf(context.inventory, name);
      if (!instance) continue;
      const health = await waitUntilHealthy(
        context.clients.http,
        instance.healthUrl,
        healthTimeoutMs,
        context.signal,
      );
      if (!health.healthy) {
        // The transcript speaks no language: the request's text, the summary, does.
        output.push(`${name}: GET /health → ${health.last} (${health.afterMs} ms)`);
        const seconds = Math.round(healthTimeoutMs / 1000);
        const summary =
          untouched.length > 0
            ? msg('fix.restart.abortedRolling', { container: name, seconds, untouched: untouched.join(', ') })
            : msg('fix.restart.unhealthy', { container: name, seconds });
        return finish(false, summary);
      }
      step.healthyAt = new Date().toISOString();
      step.healthyAfterMs = health.afterMs;
      output.push(`${name}: GET /health → HTTP ${health.status} (${health.afterMs} ms)`);
    }
    return finish(true, msg('fix.restart.done', { containers: containers.map((c) => c.name).join(', ') }));

    function finish(ok: boolean, summary: ReturnType<typeof msg>) {
      return { ok, summary, output: cappedOutput(output), data: { steps } };
    }
  },
  verifiedBy(args, inventory) {
    const checks: VerifyingCheck[] = [];
    for (const name of listArg(args, 'containers')) {
      if (apiInstanceOf(inventory, name)) checks.push({ id: 'api.health', target: name });
      const server = serverOfContainer(inventory, name)?.name;
      if (server && !checks.some((check) => check.target === server)) {
        checks.push({ id: 'docker.containers', target: server });
      }
    }
    return checks;
  },
};

/** Containers of API instances that some server lists, in the inventory's order. */
function apiContainers(inventory: Inventory): string[] {
  const known = knownContainers(inventory);
  return inventory.services.api.map((instance) => instance.name).filter((name) => known.includes(name));
}

/** The stored container names with their servers, re-validated against the inventory. */
function stored(args: RemediationArgs, inventory: Inventory) {
  return listArg(args, 'containers').map((name) => ({ name, server: requireServer(inventory, name) }));
}
