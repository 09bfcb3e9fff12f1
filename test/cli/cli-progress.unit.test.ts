import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** An API whose /health answers only when the test releases it: a check that is still running. */
function heldApi() {
  const held: ServerResponse[] = [];
  let released = false;
  const answer = (response: ServerResponse) => response.writeHead(200).end('{"status":"ok"}');
  const server = createServer((_request, response) => {
    if (released) answer(response);
    else held.push(response);
  });
  return {
    held,
    server,
    release() {
      released = true;
      for (const response of held.splice(0)) answer(response);
    },
  };
}

/** A CliIo whose stderr says whether it is a terminal, keeping everything written. */
function terminalIo(isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { isTTY, columns: 120, write: (text: string) => err.push(text) },
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const api = heldApi();
let config = '';

beforeAll(async () => {
  api.server.listen(0, '127.0.0.1');
  await new Promise((resolve) => api.server.once('listening', resolve));
  const { port } = api.server.address() as AddressInfo;
  config = join(mkdtempSync(join(tmpdir(), 'samaops-progress-')), 'inventory.yml');
  writeFileSync(
    config,
    `locale: fr\ncheckTimeoutMs: 60000\nservices:\n  api:\n    - name: samaconso_api_1\n      healthUrl: http://127.0.0.1:${port}/health\n`,
  );
});

afterAll(async () => {
  api.server.closeAllConnections();
  await new Promise((resolve) => api.server.close(resolve));
});

describe('samaops diagnose on a terminal', () => {
  it('shows what still runs on stderr, clears it, and shows nothing in a pipe or with --json', async () => {
    const terminal = terminalIo(true);
    const piped = terminalIo(false);
    const json = terminalIo(true);
    // The three run side by side against the same held API: when the terminal shows its line, the
    // other two have been running just as long.
    const runs = [
      runCli(['diagnose', 'api', '--config', config], terminal.io),
      runCli(['diagnose', 'api', '--config', config], piped.io),
      runCli(['diagnose', 'api', '--json', '--config', config], json.io),
    ];
    await vi.waitFor(() => expect(terminal.stderr()).toContain('api.health@samaconso_api_1'), {
      timeout: 30_000,
      interval: 50,
    });
    expect(terminal.stderr().startsWith('\r\x1b[K')).toBe(true);
    expect(terminal.stderr().slice(4)).toMatch(
      /^en cours \(1\) : api\.health@samaconso_api_1 \d+(,\d)? s — 0 terminé/,
    );
    await vi.waitFor(() => expect(api.held).toHaveLength(3), { timeout: 30_000, interval: 50 });
    api.release();
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    expect(terminal.stderr().endsWith('\r\x1b[K')).toBe(true);
    expect(terminal.stdout()).toContain('samaconso_api_1');
    expect(piped.stderr()).toBe('');
    expect(json.stderr()).toBe('');
    expect(JSON.parse(json.stdout())).toMatchObject({ status: 'ok' });
  });
});
