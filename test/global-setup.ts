import { ensureDebianPackages } from './support/debian-packages.js';
import { ensureRabbitmqManagement } from './support/rabbitmq-management.js';

/**
 * Runs once before the test files: the SSH and lab tests need sshd and pgbouncer on the machine,
 * the report tests RabbitMQ's management API.
 */
export default async function setup(): Promise<void> {
  ensureDebianPackages();
  await ensureRabbitmqManagement();
}
