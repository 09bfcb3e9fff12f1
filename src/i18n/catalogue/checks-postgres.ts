import { defineMessages } from '../define-messages.js';

export const postgresCheckMessages = defineMessages({
  fr: {
    'check.postgres.ping.title': 'PostgreSQL répond (SELECT 1)',
    'check.postgres.ping.detail': 'SELECT 1 en {ms} ms',
  },
  en: {
    'check.postgres.ping.title': 'PostgreSQL answers (SELECT 1)',
    'check.postgres.ping.detail': 'SELECT 1 in {ms} ms',
  },
});
