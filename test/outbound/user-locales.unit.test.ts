import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { localeOfSlack, slackUserLocales } from '../../src/outbound/user-locales.js';
import { SlackApiDouble } from '../slack/slack-api-double.js';

/** users.info as Slack answers it (the strict double), and the language samaops reads from it. */

const members = {
  UAWA00001: { locale: 'fr-FR', name: 'awa' },
  UJOHN0001: { locale: 'en-US', name: 'john' },
  UPEDRO001: { locale: 'es-ES', name: 'pedro' },
};
const double = new SlackApiDouble({ members });
const unscoped = new SlackApiDouble({ members, scopes: ['commands', 'chat:write', 'im:write'] });
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};
const clientOf = (slack: SlackApiDouble) =>
  new webApi.WebClient('xoxb-user-locales', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    logger: quiet,
  });

/** A logger that keeps what it warns about. */
function warnings() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'warn',
    destination: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream,
  });
  return { logger, reasons: () => lines.map((line) => (JSON.parse(line) as { reason: string }).reason) };
}

beforeAll(async () => {
  await Promise.all([double.start(), unscoped.start()]);
});
afterAll(async () => {
  await Promise.all([double.stop(), unscoped.stop()]);
});
afterEach(() => {
  double.assertNoViolations();
  unscoped.assertNoViolations();
});

describe('users.info in the Slack double', () => {
  it('answers Slack’s user object, with the locale only when include_locale is true', async () => {
    const client = clientOf(double);
    const plain = await client.users.info({ user: 'UJOHN0001' });
    expect(plain.user).toMatchObject({ id: 'UJOHN0001', name: 'john', deleted: false, is_bot: false });
    expect(plain.user).not.toHaveProperty('locale');
    const withLocale = await client.users.info({ user: 'UJOHN0001', include_locale: true });
    expect(withLocale.user?.locale).toBe('en-US');
  });

  it('refuses an unknown user with user_not_found, and a token without users:read with missing_scope', async () => {
    const unknown = await clientOf(double)
      .users.info({ user: 'UNOBODY01' })
      .catch((error: { data?: unknown }) => error.data);
    expect(unknown).toMatchObject({ ok: false, error: 'user_not_found' });
    expect(double.takeViolations().map((violation) => violation.problems)).toEqual([
      ['users.info: user_not_found'],
    ]);
    const scope = await clientOf(unscoped)
      .users.info({ user: 'UJOHN0001' })
      .catch((error: { data?: unknown }) => error.data);
    expect(scope).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'users:read',
      provided: 'commands,chat:write,im:write',
    });
    unscoped.takeViolations();
  });
});

describe('each person’s language', () => {
  it('reads fr and en from Slack’s locale, anything else is not one of ours', () => {
    expect(['fr-FR', 'fr-CA', 'en-US', 'en-GB', 'es-ES', undefined].map(localeOfSlack)).toEqual([
      'fr',
      'fr',
      'en',
      'en',
      undefined,
      undefined,
    ]);
  });

  it('follows each person’s Slack language, asking Slack once per person within the TTL', async () => {
    let clock = 0;
    const client = clientOf(double);
    const locales = slackUserLocales(() => client, {
      fallback: 'fr',
      logger: warnings().logger,
      ttlMs: 60_000,
      now: () => clock,
    });
    const before = double.callsOf('users.info').length;
    expect(
      await Promise.all(['UJOHN0001', 'UAWA00001', 'UPEDRO001', 'UJOHN0001'].map(locales.localeOf)),
    ).toEqual(['en', 'fr', 'fr', 'en']);
    expect(await locales.localeOf('UJOHN0001')).toBe('en');
    const asked = double.callsOf('users.info').slice(before);
    expect(asked.map((call) => call.params.user).sort()).toEqual(['UAWA00001', 'UJOHN0001', 'UPEDRO001']);
    expect(asked.every((call) => call.params.include_locale === 'true')).toBe(true);
    clock += 60_001;
    await locales.localeOf('UJOHN0001');
    expect(double.callsOf('users.info').length - before).toBe(4);
  });

  it('falls back to the inventory’s language on any error, warning once per reason', async () => {
    const client = clientOf(unscoped);
    const { logger, reasons } = warnings();
    const locales = slackUserLocales(() => client, { fallback: 'en', logger });
    const before = unscoped.callsOf('users.info').length;
    expect(await locales.localeOf('UAWA00001')).toBe('en');
    expect(await locales.localeOf('UAWA00001')).toBe('en');
    expect(await locales.localeOf('UJOHN0001')).toBe('en');
    unscoped.takeViolations();
    // The refusal is kept like an answer: Slack is asked once per person, not at every reply.
    expect(unscoped.callsOf('users.info').length - before).toBe(2);
    expect(reasons()).toEqual(['missing_scope']);
    const unknown = slackUserLocales(() => clientOf(double), { fallback: 'fr', logger });
    expect(await unknown.localeOf('UNOBODY01')).toBe('fr');
    double.takeViolations();
    const noClient = slackUserLocales(() => undefined, { fallback: 'en', logger });
    expect(await noClient.localeOf('UJOHN0001')).toBe('en');
  });
});
