import { parseDockerPs } from '../../checks/remote/parse-docker-ps.js';
import type { ApiInstance, Inventory, Server } from '../../config/schema.js';
import type { RemediationContext } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { dockerLogs, dockerPs } from '../../remote/remote-commands.js';
import { RemediationError } from './remediation-error.js';

/** Every container of the inventory's servers, in inventory order. */
export function knownContainers(inventory: Inventory): string[] {
  return inventory.servers.flatMap((server) => server.containers);
}

/** The server whose `containers` lists `name`; the API instance's own server first when it names one. */
export function serverOfContainer(inventory: Inventory, name: string): Server | undefined {
  const preferred = apiInstanceOf(inventory, name)?.server;
  const holders = inventory.servers.filter((server) => server.containers.includes(name));
  return holders.find((server) => server.name === preferred) ?? holders[0];
}

/** The API instance run by container `name` (instances are named after their container). */
export function apiInstanceOf(inventory: Inventory, name: string): ApiInstance | undefined {
  return inventory.services.api.find((instance) => instance.name === name);
}

/** The server of a stored container name, re-validated against the inventory at execution time. */
export function requireServer(inventory: Inventory, name: string): Server {
  const server = serverOfContainer(inventory, name);
  if (!server) {
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.restart.unknownContainer', { container: name }),
      `container ${name} is no longer in the inventory`,
    );
  }
  return server;
}

/** Budget of one `docker ps` or `docker logs` over SSH, ms. */
const READ_TIMEOUT_MS = 15_000;

/** `docker ps -a` status of one container: "Up 5 minutes (healthy)", or "absent". */
export async function containerStatusLine(
  context: RemediationContext,
  server: Server,
  name: string,
): Promise<{ state: string; status: string }> {
  const output = await context.clients.ssh.run(server, dockerPs(), context.signal, READ_TIMEOUT_MS);
  const found = parseDockerPs(output.stdout).containers.find((container) => container.name === name);
  return found ? { state: found.state, status: found.status } : { state: 'absent', status: 'absent' };
}

/** The last `lines` log lines of one container (stdout and stderr, as `docker logs` prints them). */
export async function containerLogTail(
  context: RemediationContext,
  server: Server,
  name: string,
  lines: number,
): Promise<string> {
  const output = await context.clients.ssh.run(
    server,
    dockerLogs(server, name, lines),
    context.signal,
    READ_TIMEOUT_MS,
  );
  return [output.stdout, output.stderr].filter(Boolean).join('\n');
}
