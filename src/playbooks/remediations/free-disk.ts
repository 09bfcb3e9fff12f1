import { parseDf } from '../../checks/remote/parse-df.js';
import type { Inventory, Server } from '../../config/schema.js';
import type { Remediation, RemediationArgs, RemediationContext } from '../../core/remediation/remediation.js';
import { byteCount, msg } from '../../i18n/message.js';
import { diskUsage, dockerImagePrune, journaldVacuum } from '../../remote/remote-commands.js';
import { cappedOutput } from './capped-output.js';
import { accepted, refusedUsage, refusedValue, stringArg } from './parse-words.js';
import { RemediationError } from './remediation-error.js';

/** Budget of each cleanup command over SSH: pruning images can take minutes. */
const CLEANUP_TIMEOUT_MS = 300_000;
/** Exit code of `timeout` when its command cannot be found: journald is absent on that host. */
const COMMAND_NOT_FOUND = 127;

const usage = msg('usage.cleanup');

/** Used KiB per mount point. */
type Usage = Record<string, number>;

/**
 * Runbook 10.1 Problème 4 and the daily script: `docker image prune -af --filter until=72h` and
 * `journalctl --vacuum-time=3d`, reporting the space freed on the server's mount points.
 */
export const freeDisk: Remediation = {
  id: 'cleanup',
  usage,
  parse(words, inventory) {
    const names = inventory.servers.map((server) => server.name);
    const [name] = words;
    if (words.length !== 1 || name === undefined) return refusedUsage(usage);
    if (!names.includes(name)) return refusedValue('server', name, names);
    return accepted({ server: name });
  },
  tier: () => 2,
  targetKey: (args) => `server:${stringArg(args, 'server')}`,
  targetLabel: (args) => stringArg(args, 'server'),
  async preview(context, args) {
    const server = stored(args, context.inventory);
    const { imagePruneHours, journaldDays } = context.inventory.remediationTargets;
    const lines = await dfLines(context, server);
    return {
      lines: [
        msg('fix.cleanup.preview', {
          server: server.name,
          prune: `docker image prune -af --filter until=${imagePruneHours}h`,
          journal: `journalctl --vacuum-time=${journaldDays}d`,
        }),
        ...lines.map((line) =>
          msg('fix.cleanup.previewMount', {
            mount: line.mountedOn,
            percent: line.percent,
            free: byteCount(line.availableKiB * 1024),
          }),
        ),
      ],
      data: { server: server.name, mounts: lines },
    };
  },
  async evidence(context, args) {
    const server = stored(args, context.inventory);
    return { server: server.name, df: await dfLines(context, server) };
  },
  async run(context, args) {
    const server = stored(args, context.inventory);
    const { imagePruneHours, journaldDays } = context.inventory.remediationTargets;
    const before = used(await dfLines(context, server));
    const output: string[] = [];
    const prune = await context.clients.ssh.run(
      server,
      dockerImagePrune(server, imagePruneHours),
      context.signal,
      CLEANUP_TIMEOUT_MS,
    );
    output.push(`$ docker image prune -af --filter until=${imagePruneHours}h`, prune.stdout, prune.stderr);
    const journal = await context.clients.ssh.run(
      server,
      journaldVacuum(server, journaldDays),
      context.signal,
      CLEANUP_TIMEOUT_MS,
    );
    const journalSkipped = journal.code === COMMAND_NOT_FOUND;
    output.push(
      `$ journalctl --vacuum-time=${journaldDays}d`,
      journalSkipped ? 'journalctl: command not found' : `${journal.stdout}${journal.stderr}`,
    );
    const afterLines = await dfLines(context, server);
    const after = used(afterLines);
    const freedKiB = Object.keys(before).reduce(
      (sum, mount) => sum + Math.max(0, (before[mount] ?? 0) - (after[mount] ?? 0)),
      0,
    );
    const ok = prune.code === 0 && (journalSkipped || journal.code === 0);
    return {
      ok,
      summary: msg(ok ? 'fix.cleanup.done' : 'fix.cleanup.failed', {
        server: server.name,
        freed: byteCount(freedKiB * 1024),
        prune: String(prune.code),
        journal: journalSkipped ? 'skipped' : String(journal.code),
      }),
      output: cappedOutput(output),
      data: { freedKiB, before, after, journal: journalSkipped ? 'skipped' : journal.code },
    };
  },
  verifiedBy: (args, inventory) => {
    const server = inventory.servers.find((each) => each.name === stringArg(args, 'server'));
    return (server?.mountPoints ?? []).map((mount) => ({
      id: 'disk.usage' as const,
      target: `${server?.name}:${mount}`,
    }));
  },
};

/** The stored server, still in the inventory at execution time. */
function stored(args: RemediationArgs, inventory: Inventory): Server {
  const name = stringArg(args, 'server');
  const server = inventory.servers.find((each) => each.name === name);
  if (!server) {
    const valid = inventory.servers.map((each) => each.name).join(', ');
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.args.notAllowed.server', { given: name, valid }),
      `server ${name} is no longer in the inventory`,
    );
  }
  return server;
}

async function dfLines(context: RemediationContext, server: Server) {
  const output = await context.clients.ssh.run(
    server,
    diskUsage(server, server.mountPoints),
    context.signal,
    15_000,
  );
  return parseDf(output.stdout);
}

function used(lines: ReturnType<typeof parseDf>): Usage {
  return Object.fromEntries(lines.map((line) => [line.mountedOn, line.usedKiB]));
}
