import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage } from '../render/message-model.js';
import { slackChannelLink } from '../render/slack-text.js';
import type { Refusal } from './access-policy.js';

/** What someone who may not act is told, only to them. */
export function refusalMessage(refusal: Refusal, locale: Locale): ChatMessage {
  const text =
    refusal.reason === 'channel'
      ? translate(
          locale,
          msg('slack.refused.channel', { channels: refusal.channels.map(slackChannelLink).join(', ') }),
        )
      : translate(locale, msg('slack.refused.user'));
  return { title: 'samaops', summary: text, sections: [] };
}
