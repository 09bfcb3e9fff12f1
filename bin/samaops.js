#!/usr/bin/env node
// The `samaops` command. Built (dist/ present: an installed tarball, or a checkout after
// `npm run build`), it runs the compiled JavaScript with plain node. In a checkout the TypeScript
// sources run through tsx (a dev dependency) so that development never runs a stale build;
// SAMAOPS_USE_DIST=1 runs the build there instead.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const built = existsSync(compiled);
if (built && (!existsSync(sources) || process.env.SAMAOPS_USE_DIST === '1')) {
  await import(pathToFileURL(compiled).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    if (!built) {
      process.stderr.write(
        'samaops: this checkout has neither a build (dist/) nor tsx: run `npm ci && npm run build`, or install the release tarball (docs/install.md)\n',
      );
      process.exit(78);
    }
  }
  if (register) {
    register();
    await import(pathToFileURL(sources).href);
  } else {
    // A checkout installed with --omit=dev after a build: the build is all there is to run.
    await import(pathToFileURL(compiled).href);
  }
}
