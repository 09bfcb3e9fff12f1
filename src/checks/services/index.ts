import type { CheckId, CheckKind } from '../check.js';

/** Redis, RabbitMQ, Celery (Flower), API and MinIO checks, by id. */
export const serviceCheckKinds = {} satisfies Partial<Record<CheckId, CheckKind>>;
