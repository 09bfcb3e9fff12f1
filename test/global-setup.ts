import { ensureDebianPackages } from './support/debian-packages.js';

/** Runs once before the test files: the SSH and lab tests need sshd and pgbouncer on the machine. */
export default function setup(): void {
  ensureDebianPackages();
}
