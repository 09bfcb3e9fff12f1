import { readFileSync } from 'node:fs';

/**
 * The version in package.json: src/cli/ and dist/cli/ both sit two levels under the package root,
 * in a checkout and in an installed tarball alike.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
