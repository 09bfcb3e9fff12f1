import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share the machine's services and the lab's loopback hosts:
    // files run one after another so that injected faults never leak into another file.
    fileParallelism: false,
  },
});
