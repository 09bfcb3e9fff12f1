import { ensureDebianPackages, TEST_PACKAGES } from './support/debian-packages.js';
import { ensureLoginUser } from './support/login-user.js';
import { ensureRabbitmqManagement } from './support/rabbitmq-management.js';

/**
 * Runs once before the test files: the SSH and lab tests need sshd and pgbouncer on the machine,
 * the report tests RabbitMQ's management API.
 */
export default async function setup(): Promise<void> {
  ensureDebianPackages(TEST_PACKAGES);
  // Once, before test files run in parallel: the bot's non-root login on every test server.
  ensureLoginUser();
  await ensureRabbitmqManagement();
}
