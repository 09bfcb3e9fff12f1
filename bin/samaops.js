#!/usr/bin/env node
// In a checkout (src/ present) the TypeScript sources run through tsx, so the command never runs
// a stale build; an installed package without sources, or SAMAOPS_USE_DIST=1 after `npm run build`,
// runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const useDist = existsSync(compiled) && (!existsSync(sources) || process.env.SAMAOPS_USE_DIST === '1');
if (useDist) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(sources).href);
}
