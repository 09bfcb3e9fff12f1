import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** npm prints warnings (engines, install scripts) and notices; only failures matter here. */
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** The release tarball installed as docs/install.md says: `npm install --omit=dev` into an empty prefix. */
export interface InstalledPackage {
  /** The tarball `npm pack` made. */
  tarball: string;
  /** The prefix it is installed in (nothing else there). */
  prefix: string;
  /** `node_modules/.bin/samaops` of the prefix. */
  bin: string;
  remove(): void;
}

/** Packs this checkout (prepack builds dist/) and installs the tarball without dev dependencies. */
export async function packAndInstall(): Promise<InstalledPackage> {
  const root = mkdtempSync(join(tmpdir(), 'samaops-package-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', root, ...NPM_QUIET], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const tarball = join(root, stdout.trim().split('\n').at(-1) ?? '');
  const prefix = join(root, 'prefix');
  mkdirSync(prefix);
  await run('npm', ['install', '--omit=dev', '--prefer-offline', ...NPM_QUIET, '--prefix', prefix, tarball], {
    cwd: prefix,
  });
  return {
    tarball,
    prefix,
    bin: join(prefix, 'node_modules', '.bin', 'samaops'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Names of the installed production packages (scoped ones as `@scope/name`). */
export function installedPackages(prefix: string): string[] {
  const modules = join(prefix, 'node_modules');
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name],
    );
}

/**
 * The environment an installed samaops gets: no variable of the test runner (no tsx loader, no
 * Slack credentials of the machine), only PATH and what the test names.
 */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: tmpdir(), NO_COLOR: '1', ...extra };
}

/** Runs the installed command with plain node, standard input closed (no terminal). */
export async function runInstalled(
  pkg: InstalledPackage,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startInstalled(pkg, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts the installed command with plain node from the prefix, standard input closed. */
export function startInstalled(
  pkg: InstalledPackage,
  args: string[],
  env: Record<string, string>,
): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [pkg.bin, ...args], { cwd: pkg.prefix, env: cleanEnv(env) });
  child.stdin.end();
  return child;
}
