import { mkdirSync, readFileSync } from 'node:fs';
import { run } from './lab-process.js';
import { DATA_MOUNT_SIZE, hostPaths, type LabHostName, labHostNames } from './lab-topology.js';

/** Each lab host's small tmpfs data mount, whose disk use the `disk.usage` check reads. */

/** True when `path` is a mount point right now. */
export function isMounted(path: string): boolean {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === path);
}

/** Mounts every host's tmpfs (no-op for those already mounted). */
export async function mountDataDirs(): Promise<void> {
  for (const host of labHostNames) {
    const mount = hostPaths(host).dataMount;
    mkdirSync(mount, { recursive: true });
    if (!isMounted(mount)) {
      await run('mount', [
        '-t',
        'tmpfs',
        '-o',
        `size=${DATA_MOUNT_SIZE},mode=0755`,
        `samaops-lab-${host}`,
        mount,
      ]);
    }
    mkdirSync(`${mount}/docker/images`, { recursive: true });
  }
}

/** Unmounts every host's tmpfs (its contents go with it). */
export async function unmountDataDirs(): Promise<void> {
  for (const host of labHostNames) {
    const mount = hostPaths(host).dataMount;
    if (isMounted(mount)) await run('umount', [mount]);
  }
}

/** The data mount of one host. */
export function dataMountOf(host: LabHostName): string {
  return hostPaths(host).dataMount;
}
