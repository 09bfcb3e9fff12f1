import type { PageChannelName } from '../../config/notifications-schema.js';
import { reachableChannels } from '../../core/escalation/notify-plan.js';
import type { SnapshotPerson } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { errorReason } from '../../logging/error-reason.js';
import type { Pagers } from '../../outbound/pagers.js';
import type { SlackSender } from '../../outbound/slack-sender.js';
import { gsmFriendly } from '../../render/sms-segments.js';

/** How a test page went on one channel: delivered or not, and how long it took. */
export interface TestPageResult {
  channel: PageChannelName;
  delivered: boolean;
  ms: number;
  /** Why it failed (secret-free). */
  reason?: string;
}

/** What a test page needs: Slack, the other pagers, the language. */
export interface TestPageDeps {
  sender: SlackSender;
  pagers: Pagers;
  locale: Locale;
}

/** The channels the bot has configured besides Slack. */
export function configuredChannels(pagers: Pagers): Set<PageChannelName> {
  return new Set((['email', 'sms', 'voice'] as const).filter((channel) => pagers[channel] !== undefined));
}

type SendTest = (deps: TestPageDeps, person: SnapshotPerson, text: string) => Promise<void>;

const SEND_TEST = {
  slack: async ({ sender }, person, text) => {
    await sender.post(await sender.openDm(person.slackId), text);
  },
  email: async ({ pagers, locale }, person, text) => {
    await pagers.email?.send({
      to: person.email ?? '',
      subject: translate(locale, msg('pages.test.subject')),
      text: `${text}\n`,
    });
  },
  sms: async ({ pagers }, person, text) => {
    await pagers.sms?.send({ to: person.phone ?? '', text: gsmFriendly(text), ackUrl: '' });
  },
  voice: async ({ pagers }, person, text) => {
    await pagers.voice?.send({ to: person.phone ?? '', text, ackUrl: '' });
  },
} satisfies Record<PageChannelName, SendTest>;

/**
 * Sends a test page to `person` by every channel they can be reached by (Slack DM, and email, SMS
 * and voice where both the person and the bot have what it needs), all at once, straight to the
 * channel (no incident, no outbox); each result says delivered or failed and how long it took.
 */
export async function sendTestPage(
  deps: TestPageDeps,
  person: SnapshotPerson,
  by: string,
): Promise<TestPageResult[]> {
  const text = translate(deps.locale, msg('pages.test.text', { who: by }));
  return Promise.all(
    reachableChannels(person, configuredChannels(deps.pagers)).map(async (channel) => {
      const started = performance.now();
      const took = () => Math.round(performance.now() - started);
      try {
        await SEND_TEST[channel](deps, person, text);
        return { channel, delivered: true, ms: took() };
      } catch (error) {
        return { channel, delivered: false, ms: took(), reason: errorReason(error) };
      }
    }),
  );
}
