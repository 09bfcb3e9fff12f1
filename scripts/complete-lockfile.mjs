#!/usr/bin/env node
// The package mirror this project is built from serves only the linux-x64 builds of packages that
// ship one optional binary per platform, so npm writes no lock entry for the other platforms and
// `npm ci` then refuses the lock ("Missing: @biomejs/cli-darwin-x64@ from lock file"). This adds
// those entries with their os/cpu/libc, which is all `npm ci` needs to skip them on this platform.
// Run after any `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platformOf = (name) => {
  const tail = name.split('/').pop() ?? '';
  const os = ['android', 'darwin', 'linux', 'win32', 'freebsd'].find((o) => tail.includes(o));
  const cpu = ['arm64', 'x64', 'arm', 'ia32'].find((c) => tail.split('-').includes(c));
  const musl = tail.endsWith('-musl');
  return os && cpu ? { os, cpu, libc: os === 'linux' ? (musl ? 'musl' : 'glibc') : undefined } : undefined;
};

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || !platformOf(name)) continue;
    const { os, cpu, libc } = platformOf(name);
    lock.packages[key] = {
      version: String(version).replace(/^[\^~=]/, ''),
      cpu: [cpu],
      ...(entry.dev || lock.packages[path]?.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: ${added} platform entries added\n`);
