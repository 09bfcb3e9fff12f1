import { defineConfig } from 'vitest/config';

/**
 * Three projects, by what a test file touches (its name says which):
 * - `unit` (`*.unit.test.ts`): no machine service, in parallel threads; its setup file refuses
 *   a connection to PostgreSQL, Redis, RabbitMQ or sshd, so a test cannot sit here by mistake.
 * - `services` (every other `*.test.ts`): the machine's real services, in parallel processes;
 *   each file has its own database, queue namespace, Redis keys, vhost or loopback address.
 * - `lab` (`*.lab.test.ts`, test/lab/): the three-server lab: one file at a time. `npm test`
 *   (scripts/run-tests.sh) runs it in a vitest process of its own beside the other two, since its
 *   faults touch only the lab's own addresses, mounts, databases and vhost; a plain `vitest run`
 *   runs it after them (vitest runs projects of one group order together only when they have the
 *   same number of workers).
 * Limits are generous: a test waits for events (vi.waitFor, expect.poll), so a busy machine
 * makes it slower, not red.
 */
const LAB = ['test/lab/**/*.test.ts', 'test/**/*.lab.test.ts'];
const UNIT = ['test/**/*.unit.test.ts'];
/** Files at once: most wait on timers, sockets and child processes rather than the 2 cores. */
const WORKERS = 4;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT,
          setupFiles: ['test/support/unit-guard.ts'],
          pool: 'threads',
          // Pure modules: one import per worker, not per file.
          isolate: false,
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'services',
          include: ['test/**/*.test.ts'],
          exclude: [...LAB, ...UNIT],
          globalSetup: ['test/global-setup.ts'],
          pool: 'forks',
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'lab',
          include: LAB,
          // The lab comes up once for every file of the project, not once per file.
          globalSetup: ['test/global-setup.ts', 'test/lab/lab-global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
