import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { eventually } from '../support/eventually.js';
import { type HttpPeer, startHttpPeer } from '../support/http-peer.js';
import { captureIo } from './capture-io.js';

let peer: HttpPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

describe('samaops wait-ready', () => {
  it('polls /ready until it answers 200, on $PORT by default', async () => {
    peer = await startHttpPeer();
    peer.answer('/ready', { status: 503, body: '{"ready":false}' });
    const run = captureIo({ PORT: new URL(peer.url).port });
    const waiting = runCli(['wait-ready', '--timeout', '120'], run.io);
    const current = peer;
    await eventually('a second poll of /ready', () => current.requests.length > 1);
    current.answer('/ready', { status: 200, body: '{"ready":true}' });
    expect(await waiting).toBe(0);
    expect(run.stdout()).toBe('samaops prêt : {"ready":true}\n');
  });

  it('gives up after the timeout with exit 69 and the last answer', async () => {
    peer = await startHttpPeer();
    peer.answer('/ready', { status: 503, body: '{"ready":false,"dependencies":{"redis":"down"}}' });
    const run = captureIo({});
    expect(await runCli(['wait-ready', '--url', `${peer.url}/ready`, '--timeout', '1'], run.io)).toBe(69);
    expect(run.stderr()).toContain(`samaops : pas prêt après 1 s à ${peer.url}/ready : 503 {"ready":false`);
    const english = captureIo({ SAMAOPS_LOCALE: 'en' });
    const url = `${peer.url}/ready`;
    expect(await runCli(['wait-ready', '--url', url, '--timeout', '1'], english.io)).toBe(69);
    expect(english.stderr()).toContain(`samaops: not ready after 1 s at ${url}: 503 {"ready":false`);
  });

  it('refuses a timeout it cannot use', async () => {
    const run = captureIo({});
    expect(await runCli(['wait-ready', '--timeout', 'soon'], run.io)).toBe(64);
    expect(run.stderr()).toContain('« --timeout » prend des secondes, de 1 à 3600');
    expect(run.stderr()).toContain('usage : samaops wait-ready [--url URL] [--timeout SECONDS]');
  });
});
