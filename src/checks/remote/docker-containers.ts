import type { Server } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { dockerPs, dockerRestartCounts } from '../../remote/remote-commands.js';
import { type CheckOutcome, type CheckStatus, defineCheck, worstStatus } from '../check.js';
import { type ContainerState, parseDockerPs, parseRestartCounts } from './parse-docker-ps.js';
import { remoteFailure } from './server-targets.js';

/** What is wrong with one expected container. */
export type ContainerProblem = 'missing' | 'not_running' | 'unhealthy' | 'restarting';

const gravity = {
  missing: 'fail',
  not_running: 'fail',
  unhealthy: 'fail',
  restarting: 'warn',
} as const satisfies Record<ContainerProblem, CheckStatus>;

/** The problem of one expected container, if any. */
export function problemOf(container: ContainerState | undefined): ContainerProblem | undefined {
  if (!container) return 'missing';
  if (container.state === 'restarting') return 'restarting';
  if (container.state !== 'running') return 'not_running';
  return container.health === 'unhealthy' ? 'unhealthy' : undefined;
}

/**
 * Runbook `docker ps`: every container expected on the server (inventory `containers`) must be
 * present and running, and not unhealthy; one restarting is a warning. Restart counts come from a
 * second fixed command when Docker answers it, and are only reported.
 */
export const dockerContainers = defineCheck<Server>({
  id: 'docker.containers',
  title: msg('check.docker.containers.title'),
  targets: (inventory) =>
    inventory.servers
      .filter((server) => server.containers.length > 0)
      .map((server) => ({ name: server.name, target: server })),
  async run({ clients }, server, signal) {
    let ps: Awaited<ReturnType<typeof clients.ssh.run>>;
    let restarts: Map<string, number>;
    try {
      // Every command is built (and its arguments validated) before anything is sent.
      const list = dockerPs();
      const counts = dockerRestartCounts(server, server.containers);
      const [psOutput, inspectOutput] = await Promise.all([
        clients.ssh.run(server, list, signal),
        clients.ssh.run(server, counts, signal).catch(() => undefined),
      ]);
      ps = psOutput;
      restarts = parseRestartCounts(inspectOutput?.stdout ?? '');
    } catch (error) {
      return remoteFailure(error);
    }
    const { containers, unreadableLines } = parseDockerPs(ps.stdout);
    if (ps.code !== 0 || (containers.length === 0 && unreadableLines > 0)) {
      const reason = ps.stderr.trim().split('\n')[0] || `docker ps exited with ${ps.code}`;
      return {
        status: 'fail',
        value: null,
        threshold: null,
        detail: msg('check.docker.containers.unreadable', { reason }),
      };
    }
    return judge(server, containers, restarts);
  },
});

function judge(server: Server, containers: ContainerState[], restarts: Map<string, number>): CheckOutcome {
  const byName = new Map(containers.map((container) => [container.name, container]));
  const expected = server.containers.map((name) => {
    const container = byName.get(name);
    return {
      name,
      state: container?.state ?? 'missing',
      status: container?.status ?? '',
      health: container?.health ?? null,
      restartCount: restarts.get(name) ?? null,
      problem: problemOf(container) ?? null,
    };
  });
  const running = expected.filter((container) => container.state === 'running').length;
  const missing = expected
    .filter((container) => container.problem === 'missing')
    .map((container) => container.name);
  const failing = expected
    .filter((container) => container.problem && container.problem !== 'missing')
    .map((container) => `${container.name} (${container.status})`);
  const params = {
    running,
    expected: expected.length,
    missing: missing.join(', '),
    list: failing.join(', '),
  };
  const key =
    missing.length > 0 && failing.length > 0
      ? 'check.docker.containers.missingAndProblems'
      : missing.length > 0
        ? 'check.docker.containers.missing'
        : failing.length > 0
          ? 'check.docker.containers.problems'
          : 'check.docker.containers.ok';
  return {
    status: worstStatus(expected.map((container) => (container.problem ? gravity[container.problem] : 'ok'))),
    value: expected.length - running,
    unit: 'count',
    threshold: null,
    detail: msg(key, params),
    data: {
      containers: expected,
      problems: expected
        .filter((container) => container.problem)
        .map((container) => ({ name: container.name, problem: container.problem })),
      others: containers
        .filter((container) => !server.containers.includes(container.name))
        .map((c) => c.name),
    },
  };
}
