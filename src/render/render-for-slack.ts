import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { type BlockKitMessage, renderBlockKit } from './block-kit.js';
import type { ChatMessage } from './message-model.js';

/** A message as Slack takes it, its overflow notice ("… 12 lignes non affichées") in `locale`. */
export function renderForSlack(message: ChatMessage, locale: Locale): BlockKitMessage {
  return renderBlockKit(message, {
    moreLines: (count) => translate(locale, msg('slack.render.moreLines', { count })),
  });
}
