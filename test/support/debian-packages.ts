import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the lab and the SSH tests need, and a file each one installs. */
export const LAB_PACKAGES: Record<string, string> = {
  'openssh-server': '/usr/sbin/sshd',
  'openssh-client': '/usr/bin/ssh-keygen',
  pgbouncer: '/usr/sbin/pgbouncer',
  // The bot's non-root login runs its privileged forms through sudo; visudo checks the rules.
  sudo: '/usr/sbin/visudo',
  // The lab's syslog daemon, which receives samaops-remote's refusals.
  rsyslog: '/usr/sbin/rsyslogd',
  // The lab's docker CLI double reaches its daemon through socat, as cheaply as the real CLI.
  socat: '/usr/bin/socat',
};

/** What the tests need besides the lab's: installed once by the global setup, before any file. */
export const TEST_PACKAGES: Record<string, string> = {
  ...LAB_PACKAGES,
  // The unit file's test reads it offline with systemd-analyze (no systemd runs here).
  systemd: '/usr/bin/systemd-analyze',
  // A real Prometheus answers the SLO objectives' instant queries in their test; its promtool checks
  // deploy/prometheus/samaops-rules.yml and /metrics.
  prometheus: '/usr/bin/prometheus',
  // The ack page's test drives Debian's Chromium through playwright-core (which downloads none).
  chromium: '/usr/bin/chromium',
  // The report charts draw their text with DejaVu Sans (src/reports/charts/chart-png.ts).
  'fonts-dejavu-core': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
};

/**
 * Installs the missing ones with apt-get (this machine kind runs as root and reaches Debian's
 * mirror), so that `npm test` and `npm run demo` work on a fresh clone. Fails loudly otherwise:
 * a missing package must never turn into skipped tests.
 */
export function ensureDebianPackages(packages: Record<string, string> = LAB_PACKAGES): void {
  const missing = Object.entries(packages)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages ${missing.join(', ')}: run as root or install them with apt-get`,
    );
  }
  process.stderr.write(`samaops: installing ${missing.join(', ')} with apt-get…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env,
      stdio: 'inherit',
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    install();
  }
  const stillMissing = Object.entries(packages).filter(
    ([name, file]) => missing.includes(name) && !existsSync(file),
  );
  if (stillMissing.length > 0)
    throw new Error(`apt-get did not install ${stillMissing.map(([n]) => n).join(', ')}`);
}
