import type { Inventory, Server } from '../../config/schema.js';
import type { Remediation, RemediationArgs, RemediationContext } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { dockerComposeScale, dockerPs, type ScalableService } from '../../remote/remote-commands.js';
import { cappedOutput } from './capped-output.js';
import { composeReplicas } from './compose-replicas.js';
import { accepted, numberArg, refusedUsage, refusedValue, stringArg } from './parse-words.js';
import { RemediationError } from './remediation-error.js';

/** Budget of `docker compose up -d --scale` over SSH: it may pull and start containers. */
const SCALE_TIMEOUT_MS = 120_000;

const usage = msg('usage.scale');

/** A scalable service with the server it runs on. */
interface Placed extends ScalableService {
  server: Server;
}

/** Runbook 10.1 Problème 2 Solution 4: `docker compose -f FILE up -d --scale SERVICE=N` on its server. */
export const scaleService: Remediation = {
  id: 'scale',
  usage,
  parse(words, inventory) {
    const placed = placedServices(inventory);
    const names = placed.map((entry) => entry.service);
    const [service, count] = words;
    if (words.length !== 2 || service === undefined || count === undefined) return refusedUsage(usage);
    const entry = placed.find((each) => each.service === service);
    if (!entry) return refusedValue('service', service, names);
    const n = /^\d{1,3}$/.test(count) ? Number(count) : Number.NaN;
    if (!(n >= entry.min && n <= entry.max)) {
      const range = Array.from({ length: entry.max - entry.min + 1 }, (_, i) => String(entry.min + i));
      return refusedValue('count', count, range);
    }
    return accepted({ service, count: n });
  },
  tier: () => 2,
  targetKey: (args, inventory) => {
    const service = stringArg(args, 'service');
    const server = placedServices(inventory).find((entry) => entry.service === service)?.server.name;
    return `service:${server ?? '?'}/${service}`;
  },
  targetLabel: (args) => `${stringArg(args, 'service')} × ${numberArg(args, 'count')}`,
  async preview(context, args) {
    const entry = stored(args, context.inventory);
    const count = numberArg(args, 'count');
    const replicas = await replicasOf(context, entry);
    const command = `docker compose -f ${entry.composeFile} up -d --scale ${entry.service}=${count} ${entry.service}`;
    return {
      lines: [
        msg('fix.scale.preview', {
          service: entry.service,
          server: entry.server.name,
          command,
          current: replicas.filter((replica) => replica.state === 'running').length,
          count,
        }),
      ],
      data: { service: entry.service, server: entry.server.name, count, replicas },
    };
  },
  async evidence(context, args) {
    const entry = stored(args, context.inventory);
    return {
      service: entry.service,
      server: entry.server.name,
      replicasBefore: await replicasOf(context, entry),
    };
  },
  async run(context, args) {
    const entry = stored(args, context.inventory);
    const count = numberArg(args, 'count');
    const scalable = placedServices(context.inventory).filter(
      (each) => each.server.name === entry.server.name,
    );
    const result = await context.clients.ssh.run(
      entry.server,
      dockerComposeScale(entry.server, scalable, entry.service, count),
      context.signal,
      SCALE_TIMEOUT_MS,
    );
    const replicas = await replicasOf(context, entry);
    const running = replicas.filter((replica) => replica.state === 'running').length;
    const ok = result.code === 0 && running === count;
    return {
      ok,
      summary: msg(ok ? 'fix.scale.done' : 'fix.scale.failed', {
        service: entry.service,
        count,
        running,
        code: String(result.code),
      }),
      output: cappedOutput([result.stdout, result.stderr]),
      data: { replicas },
    };
  },
  verifiedBy: (args, inventory) => {
    const service = stringArg(args, 'service');
    const server = placedServices(inventory).find((entry) => entry.service === service)?.server.name;
    return server ? [{ id: 'docker.containers', target: server }] : [];
  },
};

/** Scalable services whose server exists: the named one, else the first server of role `workers`. */
function placedServices(inventory: Inventory): Placed[] {
  const workers = inventory.servers.find((server) => server.role === 'workers');
  return inventory.remediationTargets.scalable.flatMap((entry) => {
    const server = entry.server ? inventory.servers.find((each) => each.name === entry.server) : workers;
    return server ? [{ ...entry, server }] : [];
  });
}

/** The stored service, still scalable with the stored count at execution time. */
function stored(args: RemediationArgs, inventory: Inventory): Placed {
  const service = stringArg(args, 'service');
  const count = numberArg(args, 'count');
  const entry = placedServices(inventory).find((each) => each.service === service);
  if (!entry || !Number.isInteger(count) || count < entry.min || count > entry.max) {
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.args.notAllowed.service', {
        given: `${service} ${count}`,
        valid: placedServices(inventory)
          .map((each) => `${each.service} ${each.min}..${each.max}`)
          .join(', '),
      }),
      `scale ${service} ${count} is no longer allowed`,
    );
  }
  return entry;
}

async function replicasOf(context: RemediationContext, entry: Placed) {
  const output = await context.clients.ssh.run(entry.server, dockerPs(), context.signal, 15_000);
  return composeReplicas(output.stdout, entry.service);
}
