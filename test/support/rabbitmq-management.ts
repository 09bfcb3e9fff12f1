import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** The management API of the machine's RabbitMQ, as the tests and the lab reach it. */
export const MANAGEMENT_URL = 'http://127.0.0.1:15672';

/** guest/guest, the machine broker's loopback-only account. */
export const GUEST_AUTHORIZATION = `Basic ${Buffer.from('guest:guest').toString('base64')}`;

/** What `/api/overview` says now: an HTTP status, or the reason no answer came. */
async function overviewStatus(): Promise<string> {
  try {
    const response = await fetch(`${MANAGEMENT_URL}/api/overview`, {
      headers: { authorization: GUEST_AUTHORIZATION },
      // Generous: on a loaded machine the broker's Erlang API answers slowly, and a slow answer must
      // not send us to rabbitmq-plugins (itself slow to start on such a machine).
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  }
}

/**
 * Enables the management plugin of the machine's RabbitMQ (node rabbit@localhost, run by its own
 * user; rabbitmq-plugins needs root here) unless its API already answers, then waits until
 * `/api/overview` answers guest with 200. The plugin stays enabled across broker restarts, so this
 * costs one request on every later run. Fails loudly: the report tests must never skip.
 */
export async function ensureRabbitmqManagement(deadlineMs = 60_000): Promise<void> {
  if ((await overviewStatus()) === 'HTTP 200') return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `RabbitMQ management API not answering on ${MANAGEMENT_URL}: run as root, or run rabbitmq-plugins enable rabbitmq_management`,
    );
  process.stderr.write('samaops: enabling rabbitmq_management…\n');
  try {
    execFileSync('rabbitmq-plugins', ['enable', 'rabbitmq_management'], { stdio: 'pipe', timeout: 60_000 });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
    throw new Error(`rabbitmq-plugins enable rabbitmq_management failed: ${output || String(error)}`);
  }
  const deadline = Date.now() + deadlineMs;
  let last = await overviewStatus();
  while (last !== 'HTTP 200') {
    if (Date.now() > deadline)
      throw new Error(
        `RabbitMQ management API did not answer ${MANAGEMENT_URL}/api/overview within ${deadlineMs / 1000} s after enabling rabbitmq_management (last: ${last})`,
      );
    // Polling an observable condition: the plugin's listener starts shortly after the command returns.
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await overviewStatus();
  }
}

/** Calls the machine broker's management API as guest; throws on any status but 2xx. */
async function managementApi(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${MANAGEMENT_URL}${path}`, {
    method,
    headers: { authorization: GUEST_AUTHORIZATION, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
}

/** A vhost of one test file's own on the machine's broker, guest allowed everything in it. */
export interface ScratchVhost {
  name: string;
  /** amqp://guest:guest@127.0.0.1:5672/<vhost> */
  amqpUrl: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named vhost through the management API; `drop` deletes it with its queues. */
export async function createScratchVhost(): Promise<ScratchVhost> {
  const name = `samaops-test-${randomUUID()}`;
  const encoded = encodeURIComponent(name);
  await managementApi('PUT', `/api/vhosts/${encoded}`, {});
  await managementApi('PUT', `/api/permissions/${encoded}/guest`, {
    configure: '.*',
    write: '.*',
    read: '.*',
  });
  return {
    name,
    amqpUrl: `amqp://guest:guest@127.0.0.1:5672/${encoded}`,
    drop: () => managementApi('DELETE', `/api/vhosts/${encoded}`),
  };
}
