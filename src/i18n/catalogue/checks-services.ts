import { defineMessages } from '../define-messages.js';

/** Messages of the Redis, RabbitMQ, Celery/Flower, API and MinIO checks. */
export const serviceCheckMessages = defineMessages({
  fr: { 'check.services.placeholder': '' },
  en: { 'check.services.placeholder': '' },
});
