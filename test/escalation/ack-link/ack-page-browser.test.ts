import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_USER } from '../../handlers/test-inventory.js';
import { eventually } from '../../support/eventually.js';
import { type AckLinkBot, startAckLinkBot } from './ack-link-bot.js';

/** Debian's Chromium (installed by the global setup), driven by playwright-core, which never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';

let harness: AckLinkBot;
let browser: Browser;

beforeAll(async () => {
  harness = await startAckLinkBot();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

// Every call the bot made to Slack is one Slack would take (test/slack/double/).
afterEach(() => harness.double.assertNoViolations());

const threadLines = () =>
  harness.double
    .callsOf('chat.postMessage')
    .filter((call) => call.params.thread_ts !== undefined)
    .map((call) => String(call.params.text ?? ''));

describe('the ack page in a browser (HTTP mode, real PostgreSQL and Redis, Slack double)', () => {
  it('opens from the link, shows the incident, and "Acquitter" acknowledges it in PostgreSQL and in Slack', async () => {
    const { id, generation } = await harness.openIncident('API 502 & <tag> (PgBouncer)');
    const link = harness.bot.ackLinkFor(id, TEST_USER, generation);
    expect(link).toMatch(new RegExp(`^${harness.baseUrl}/ack/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    const before = await harness.snapshotOf(id);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const opened = await page.goto(link ?? '');
    expect(opened?.status()).toBe(200);
    const headers = opened?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const title = (await harness.pool.query('SELECT title FROM incidents WHERE id = $1', [id])).rows[0]
      ?.title;
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Incident #${id} — ${title}`);
    expect(title).toContain('&');
    expect(await page.textContent('body')).toContain('Lien de Awa Ndiaye');
    // Opening the link (a mail scanner does) changed nothing.
    expect(await harness.snapshotOf(id)).toEqual(before);

    await Promise.all([page.waitForURL(link ?? ''), page.getByRole('button', { name: 'Acquitter' }).click()]);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('vous avez pris en charge');
    expect(await page.getByRole('button').count()).toBe(0);
    await context.close();

    expect(await harness.snapshotOf(id)).toMatchObject({
      state: 'acknowledged',
      acknowledged_by: TEST_USER,
      generation: generation + 1,
      link_uses: 1,
    });
    const { rows } = await harness.pool.query(
      `SELECT record FROM incident_events WHERE incident_id = $1 AND type = 'acknowledged'`,
      [id],
    );
    expect(rows).toEqual([{ record: { type: 'acknowledged', level: 'N2', by: TEST_USER, via: 'link' } }]);
    await eventually('the thread says "via lien e-mail/SMS"', () =>
      threadLines().some(
        (line) => line.includes('Pris en charge par') && line.includes('via lien e-mail/SMS'),
      ),
    );
    await eventually('the incident message shows the ack', () =>
      harness.double
        .callsOf('chat.update')
        .some((call) => JSON.stringify(call.params).includes(`pris en charge par <@${TEST_USER}>`)),
    );
  });

  it('"Escalader" raises the incident to N3, once; the same form posted again acts on nothing', async () => {
    const { id, generation } = await harness.openIncident('RabbitMQ saturé');
    const link = harness.bot.ackLinkFor(id, TEST_USER, generation) ?? '';
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    const csrf = (await page.locator('input[name=csrf]').getAttribute('value')) ?? '';
    await Promise.all([page.waitForURL(link), page.getByRole('button', { name: 'Escalader' }).click()]);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('escaladé en N3');
    expect(await harness.snapshotOf(id)).toMatchObject({
      level: 'N3',
      generation: generation + 1,
      link_uses: 1,
    });
    const after = await harness.snapshotOf(id);

    // The same form posted again, with its cookie (a double click, a reload that resubmits).
    const replay = await context.request.post(link, { form: { csrf, action: 'escalate' } });
    expect(replay.status()).toBe(409);
    expect(await replay.text()).toContain('Ce lien ne vaut plus');
    expect(await harness.snapshotOf(id)).toEqual(after);
    const again = await page.goto(link);
    expect(await again?.text()).toContain('Ce lien a déjà servi (escalade');
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await harness.snapshotOf(id)).toEqual(after);
    await context.close();
    await eventually('the thread says the escalation came by link', () =>
      threadLines().some((line) => line.includes('Escalade N2 → N3') && line.includes('via lien e-mail/SMS')),
    );
  });
});
