import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './debian-packages.js';
import { eventually } from './eventually.js';

/** A real Prometheus (Debian's package) serving backfilled history on a loopback port. */
export interface PrometheusServer {
  /** Base URL, http://127.0.0.1:PORT. */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts Prometheus over the samples of an OpenMetrics text (its own timestamps, in seconds):
 * `promtool tsdb create-blocks-from openmetrics` writes them as blocks, which Prometheus serves
 * from its storage with no scrape. Retention is a century, so old samples are not dropped.
 */
export async function startPrometheus(openMetrics: string): Promise<PrometheusServer> {
  ensureDebianPackages({ prometheus: '/usr/bin/prometheus' });
  const dir = mkdtempSync(join(tmpdir(), 'samaops-prometheus-'));
  writeFileSync(join(dir, 'history.om'), openMetrics);
  writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
  execFileSync('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--max-block-duration=744h',
    '--quiet',
    join(dir, 'history.om'),
    join(dir, 'data'),
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(
    '/usr/bin/prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await eventually('Prometheus ready', async () => {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}`);
    return (await fetch(`${url}/-/ready`).catch(() => undefined))?.status === 200;
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** OpenMetrics text of counters, one sample every `stepSeconds` from `fromMs` to `toMs`, each counter adding its increment per step. */
export function counterHistory(
  name: string,
  counters: Array<{ labels: string; perStep: number }>,
  fromMs: number,
  toMs: number,
  stepSeconds = 300,
): string {
  const lines = [`# HELP ${name} Backfilled for a test.`, `# TYPE ${name} counter`];
  for (const counter of counters)
    for (let at = fromMs / 1000, step = 0; at <= toMs / 1000; at += stepSeconds, step += 1)
      lines.push(`${name}{${counter.labels}} ${step * counter.perStep} ${at}`);
  return lines.join('\n');
}
