import type { CheckId, CheckKind } from '../check.js';
import { postgresPing } from './postgres-ping.js';

/** PostgreSQL checks (runbook 10.1 Problème 3), by id. */
export const postgresCheckKinds = {
  'postgres.ping': postgresPing,
} satisfies Partial<Record<CheckId, CheckKind>>;
