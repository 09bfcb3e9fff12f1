import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RemoteCheckHost, startRemoteCheckHost } from './remote-check-host.js';

let lab: RemoteCheckHost;
let logs: string;

function lines(errors: number, criticals: number, infos: number): string {
  return [
    ...Array.from({ length: errors }, (_, i) => `2026-11-02 10:00:${i % 60} ERROR payment ${i} failed`),
    ...Array.from({ length: criticals }, (_, i) => `2026-11-02 10:01:${i % 60} CRITICAL worker ${i} lost`),
    ...Array.from({ length: infos }, (_, i) => `2026-11-02 10:02:${i % 60} INFO request ${i} ok`),
  ].join('\n');
}

beforeAll(async () => {
  lab = await startRemoteCheckHost('logs', '127.0.0.56');
  logs = join(lab.dir, 'logs');
  mkdirSync(join(logs, 'archive'), { recursive: true });
  writeFileSync(join(logs, 'api.log'), lines(70, 5, 200));
  writeFileSync(join(logs, 'worker.log'), lines(20, 8, 50));
  // Not matched by *.log, and not in the glob's directory: never counted.
  writeFileSync(join(logs, 'api.log.1'), lines(500, 0, 0));
  writeFileSync(join(logs, 'archive', 'old.log'), lines(500, 0, 0));
});

afterAll(async () => {
  await lab?.stop();
});

describe('logs.errors over real SSH', () => {
  it('counts ERROR and CRITICAL lines in the files of the globs, each file once', async () => {
    const { results } = await lab.diagnose(['logs.errors'], {
      logGlobs: [join(logs, '*.log'), join(logs, 'api.*')],
    });
    const [result] = results;
    // api.log 75 + worker.log 28 (+ api.log.1 500 through the second glob).
    expect(result?.value).toBe(603);
    expect(result?.status).toBe('warn');
    expect(result?.data?.files).toContainEqual({ path: join(logs, 'api.log'), count: 75 });
  });

  it('warns above 100 lines and stays ok below', async () => {
    const { results } = await lab.diagnose(['logs.errors'], { logGlobs: [join(logs, '*.log')] });
    expect(results[0]?.value).toBe(103);
    expect(results[0]?.status).toBe('warn');
    const { results: below } = await lab.diagnose(['logs.errors'], { logGlobs: [join(logs, 'worker.log')] });
    expect(below[0]?.value).toBe(28);
    expect(below[0]?.status).toBe('ok');
  });

  it('is unknown when no file matches', async () => {
    const { results } = await lab.diagnose(['logs.errors'], {
      logGlobs: [join(logs, '*.txt'), '/nonexistent/*.log'],
    });
    expect(results[0]?.status).toBe('unknown');
    expect(results[0]?.detail.key).toBe('check.logs.errors.noFiles');
  });
});
