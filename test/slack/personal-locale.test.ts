import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { eventuallyValue } from '../support/eventually.js';
import { type HttpTestBot, startHttpTestBot } from './http-test-bot.js';
import { type RecordedCall, SlackApiDouble } from './slack-api-double.js';

/**
 * Answers to one person follow that person's Slack language, channel messages the inventory's
 * (French here): an English-speaking DevOps and a French-speaking one, as users.info tells them.
 */

const FRENCH_USER = 'UAWAFR001';
const double = new SlackApiDouble({
  members: {
    [TEST_USER]: { locale: 'en-US', name: 'john' },
    [FRENCH_USER]: { locale: 'fr-FR', name: 'awa' },
  },
});
afterEach(() => double.assertNoViolations());
const fixture = testInventory({
  locale: 'fr',
  team: [
    { slackId: TEST_USER, name: 'John Smith', roles: ['devops'] },
    { slackId: FRENCH_USER, name: 'Awa Ndiaye', roles: ['devops'] },
  ],
});
let harness: HttpTestBot;

beforeAll(async () => {
  await double.start();
  harness = await startHttpTestBot({ double, inventory: fixture.inventory });
});

afterAll(async () => {
  await harness?.stop();
  await double.stop();
  fixture.remove();
});

/** Sends `/sama text` as `userId` and returns the answer posted to its response_url. */
async function answerTo(text: string, userId: string): Promise<RecordedCall> {
  const id = randomUUID();
  const sent = { text, userId, channelId: TEST_CHANNEL, responseUrl: double.responseUrl(id), id };
  expect((await harness.slack.slashCommand(sent, { signingSecret: harness.signingSecret })).status).toBe(200);
  return double.waitForResponseTo(id);
}

describe('each person’s language in Slack', () => {
  it('answers help and usage errors, seen by one person only, in that person’s language', async () => {
    const english = await answerTo('help', TEST_USER);
    expect(english.params).toMatchObject({ response_type: 'ephemeral' });
    expect(english.params.text).toContain('samaops — commands');
    const french = await answerTo('help', FRENCH_USER);
    expect(french.params.text).toContain('samaops — commandes');
    const mistake = await answerTo('reboot', TEST_USER);
    expect(mistake.params.text).toContain('Unknown sub-command "reboot"');
    // users.info was asked with include_locale, once per person for all of it.
    const asked = double.callsOf('users.info');
    expect(asked.map((call) => call.params.user).sort()).toEqual([FRENCH_USER, TEST_USER].sort());
    expect(asked.every((call) => call.params.include_locale === 'true')).toBe(true);
  });

  it('keeps what the channel sees in the inventory’s language, and pages each person in theirs', async () => {
    const before = double.callsOf('chat.postMessage').length;
    const opened = await answerTo('incident open N2 "API lente"', TEST_USER);
    expect(opened.params.text).toMatch(/Incident #\d+ opened at N2\./);
    const dmOf = (user: string) =>
      eventuallyValue(`the DM to ${user}`, () =>
        double
          .callsOf('chat.postMessage')
          .slice(before)
          .find((call) => call.params.channel === double.dmChannelOf(user)),
      );
    expect((await dmOf(TEST_USER)).params.text).toContain('You are paged at N2 for incident');
    expect((await dmOf(FRENCH_USER)).params.text).toContain('Vous êtes appelé(e) en N2 pour l’incident');
    const root = await eventuallyValue('the incident message in the channel', () =>
      double
        .callsOf('chat.postMessage')
        .slice(before)
        .find((call) => call.params.channel === TEST_CHANNEL && !call.params.thread_ts),
    );
    expect(String(root.params.text)).toContain('API lente');
    expect(String(root.params.text)).not.toMatch(/\b(opened|paged|incident at)\b/);
  });
});
