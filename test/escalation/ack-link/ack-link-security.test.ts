import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SocketModeReceiver } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../../src/app/compose-bot.js';
import { ackLinkKeys } from '../../../src/core/escalation/ack-link-token.js';
import { readAckLinkConfig } from '../../../src/escalation/ack-link/ack-link-config.js';
import { ackLinkSigner } from '../../../src/escalation/ack-link/ack-link-signer.js';
import { createLogger, silentLogger } from '../../../src/logging/logger.js';
import { serveConsoleRoutes } from '../../../src/main.js';
import { TEST_USER, testInventory } from '../../handlers/test-inventory.js';
import { eventually } from '../../support/eventually.js';
import { type AckLinkBot, N3, OUTSIDER, startAckLinkBot } from './ack-link-bot.js';

const logLines: string[] = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
});
let harness: AckLinkBot;

beforeAll(async () => {
  harness = await startAckLinkBot({ logger });
});
afterAll(() => harness?.stop());
afterEach(() => harness.double.assertNoViolations());

const secret = () => harness.env.SAMAOPS_LINK_SECRET ?? '';
const keys = () => ackLinkKeys(secret());
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** A GET of the page, and the CSRF cookie and field it gave. */
async function open(link: string) {
  const response = await fetch(link);
  const body = await response.text();
  const cookie = /samaops_ack=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(body)?.[1];
  return { response, body, cookie, csrf };
}

/** The page's POST, as a browser sends it. */
function post(
  link: string,
  form: Record<string, string>,
  cookie?: string,
  type = 'application/x-www-form-urlencoded',
) {
  return fetch(link, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie ? { cookie: `samaops_ack=${cookie}` } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

/** A link for `incidentId` re-encoded with one claim changed, keeping its signature. */
function tampered(link: string, change: Record<string, unknown>): string {
  const [payload, signature] = tokenOf(link).split('.');
  const data = { ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), ...change };
  return `${harness.baseUrl}/ack/${Buffer.from(JSON.stringify(data)).toString('base64url')}.${signature}`;
}

describe('ack link security (HTTP mode, real PostgreSQL)', () => {
  it('a GET with a valid link changes nothing, however often (mail scanners)', async () => {
    const { id, generation } = await harness.openIncident('GET only');
    const link = harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '';
    const before = await harness.snapshotOf(id);
    for (let i = 0; i < 3; i += 1) {
      const page = await open(link);
      expect(page.response.status).toBe(200);
      expect(page.body).toContain('Acquitter');
      expect(page.response.headers.get('content-security-policy')).not.toContain('script');
    }
    expect(await harness.snapshotOf(id)).toEqual(before);
  });

  it('a forged link, or one changed to name another incident, person or generation, acts on nothing', async () => {
    const first = await harness.openIncident('Forged target');
    const second = await harness.openIncident('Forged other');
    const link = harness.bot.ackLinkFor(first.id, TEST_USER, first.generation) ?? '';
    const forgedBySecret = ackLinkSigner(
      readAckLinkConfig({ ...harness.env, SAMAOPS_LINK_SECRET: 'x'.repeat(40) }),
    )(first.id, TEST_USER, first.generation);
    const before = [await harness.snapshotOf(first.id), await harness.snapshotOf(second.id)];
    const attempts = [
      forgedBySecret ?? '',
      tampered(link, { i: second.id }),
      tampered(link, { p: N3 }),
      tampered(link, { g: first.generation + 1 }),
      `${harness.baseUrl}/ack/not-a-token`,
    ];
    for (const attempt of attempts) {
      const page = await open(attempt);
      expect(page.response.status).toBe(403);
      expect(page.body).toContain('Ce lien n’est pas valable');
      expect(page.cookie).toBeUndefined();
      const nonce = keys().verify(tokenOf(link), Date.now());
      const csrf = nonce.ok ? keys().csrf(nonce.claims.nonce, 'salt') : '';
      expect((await post(attempt, { csrf, action: 'acknowledge' }, csrf)).status).toBe(403);
    }
    expect([await harness.snapshotOf(first.id), await harness.snapshotOf(second.id)]).toEqual(before);
  });

  it('a link for someone outside the escalation policy acts on nothing', async () => {
    const { id, generation } = await harness.openIncident('Outsider');
    const link = harness.bot.ackLinkFor(id, OUTSIDER, generation) ?? '';
    const before = await harness.snapshotOf(id);
    expect((await open(link)).response.status).toBe(403);
    const nonce = keys().verify(tokenOf(link), Date.now());
    const csrf = nonce.ok ? keys().csrf(nonce.claims.nonce, 'salt') : '';
    expect((await post(link, { csrf, action: 'acknowledge' }, csrf)).status).toBe(403);
    expect(await harness.snapshotOf(id)).toEqual(before);
  });

  it('an expired link acts on nothing', async () => {
    const { id, generation } = await harness.openIncident('Expired');
    const threeHoursAgo = Date.now() - 3 * 3_600_000;
    const link =
      ackLinkSigner(readAckLinkConfig(harness.env), { now: () => threeHoursAgo })(
        id,
        TEST_USER,
        generation,
      ) ?? '';
    const before = await harness.snapshotOf(id);
    const page = await open(link);
    expect(page.response.status).toBe(410);
    expect(page.body).toContain('Ce lien a expiré');
    expect((await post(link, { csrf: 'a.b', action: 'acknowledge' }, 'a.b')).status).toBe(410);
    expect(await harness.snapshotOf(id)).toEqual(before);
  });

  it('a link of an earlier generation acts on nothing, even with a valid CSRF token', async () => {
    const { id, generation } = await harness.openIncident('Stale generation');
    const stale = harness.bot.ackLinkFor(id, TEST_USER, generation - 1) ?? '';
    const page = await open(stale);
    expect(page.body).toContain('Ce lien ne vaut plus');
    expect(page.csrf).toBeUndefined();
    const before = await harness.snapshotOf(id);
    const claims = keys().verify(tokenOf(stale), Date.now());
    const csrf = claims.ok ? keys().csrf(claims.claims.nonce, 'salt') : '';
    const response = await post(stale, { csrf, action: 'acknowledge' }, csrf);
    expect(response.status).toBe(409);
    expect(await harness.snapshotOf(id)).toEqual(before);
  });

  it('a POST without its CSRF cookie, with another link’s, or not a form, acts on nothing', async () => {
    const { id, generation } = await harness.openIncident('CSRF');
    const link = harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '';
    const other = await open(harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '');
    const page = await open(link);
    const before = await harness.snapshotOf(id);
    const csrf = page.csrf ?? '';
    expect((await post(link, { csrf, action: 'acknowledge' })).status).toBe(403);
    expect((await post(link, { csrf: other.csrf ?? '', action: 'acknowledge' }, other.cookie)).status).toBe(
      403,
    );
    expect((await post(link, { csrf, action: 'acknowledge' }, other.cookie)).status).toBe(403);
    expect((await post(link, { csrf, action: 'resolve' }, page.cookie)).status).toBe(400);
    expect((await post(link, { csrf, action: 'acknowledge' }, page.cookie, 'text/plain')).status).toBe(400);
    expect(await harness.snapshotOf(id)).toEqual(before);
    // The cookie is the link's own, never sent to another page, nor to a script.
    expect(page.response.headers.get('set-cookie')).toMatch(
      new RegExp(
        `^samaops_ack=[^;]+; Path=/ack/${tokenOf(link).replace('.', '\\.')}; Max-Age=7200; HttpOnly; SameSite=Strict$`,
      ),
    );
  });

  it('the same link posted twice at once acts once', async () => {
    const { id, generation } = await harness.openIncident('Double click');
    const link = harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '';
    const page = await open(link);
    const form = { csrf: page.csrf ?? '', action: 'acknowledge' };
    const statuses = (await Promise.all([post(link, form, page.cookie), post(link, form, page.cookie)]))
      .map((response) => response.status)
      .sort();
    expect(statuses).toEqual([200, 409]);
    expect(await harness.snapshotOf(id)).toMatchObject({ state: 'acknowledged', link_uses: 1 });
  });

  it('never logs a link or the secret', () => {
    const logs = logLines.join('');
    expect(logs).toContain('ack link acted');
    expect(logs).not.toContain(secret());
    expect(logs).not.toMatch(/\/ack\/[A-Za-z0-9_-]{20,}/);
  });
});

describe('the ack page in the console and in Socket Mode', () => {
  it('is served on PORT and acts like the Slack bot’s; the Slack replicas deliver the thread line', async () => {
    const { id, generation } = await harness.openIncident('Console page');
    const fixture = testInventory({ team: [{ slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] }] });
    const bot = await composeBot(
      { inventory: fixture.inventory, logger: silentLogger(), surface: 'console' },
      harness.env,
    );
    fixture.remove();
    const server = await serveConsoleRoutes(bot.routes, { PORT: '0', HOST: '127.0.0.1' });
    try {
      const link = (harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '').replace(
        harness.baseUrl,
        `http://127.0.0.1:${server.port}`,
      );
      const page = await open(link);
      expect(page.response.status).toBe(200);
      const response = await post(link, { csrf: page.csrf ?? '', action: 'acknowledge' }, page.cookie);
      expect(response.status).toBe(200);
      expect(await harness.snapshotOf(id)).toMatchObject({ state: 'acknowledged', link_uses: 1 });
    } finally {
      await server.close();
      await bot.close();
    }
    await eventually('the thread line from the Slack bot', () =>
      harness.double
        .callsOf('chat.postMessage')
        .some((call) => call.params.thread_ts !== undefined && String(call.params.text).includes('via lien')),
    );
  });

  it("is served by Socket Mode's HTTP server (Bolt's SocketModeReceiver, as createSlackBot builds it)", async () => {
    const { id, generation } = await harness.openIncident('Socket Mode page');
    const fixture = testInventory({ team: [{ slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] }] });
    const bot = await composeBot(
      { inventory: fixture.inventory, logger: silentLogger(), surface: 'console' },
      harness.env,
    );
    fixture.remove();
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      customRoutes: bot.routes,
      installerOptions: {},
    });
    // Its HTTP server (the one that serves /health in Socket Mode), without the WebSocket no test can open.
    const server = (receiver as unknown as { httpServer: Server }).httpServer;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const port = (server.address() as AddressInfo).port;
      const link = (harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '').replace(
        harness.baseUrl,
        `http://127.0.0.1:${port}`,
      );
      const page = await open(link);
      expect(page.response.status).toBe(200);
      expect(page.body).toContain('Socket Mode page');
      const response = await post(link, { csrf: page.csrf ?? '', action: 'escalate' }, page.cookie);
      expect(response.status).toBe(200);
      expect(await harness.snapshotOf(id)).toMatchObject({ level: 'N3', link_uses: 1 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await bot.close();
    }
  });
});
