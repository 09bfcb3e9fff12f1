import { defineMessages } from '../define-messages.js';

/** Messages of the Slack app and console mode (help, refusals, progress). */
export const slackMessages = defineMessages({
  fr: { 'slack.placeholder': '' },
  en: { 'slack.placeholder': '' },
});
