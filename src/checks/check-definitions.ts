import type { CheckId, CheckKind } from './check.js';
import { postgresPing } from './postgres/postgres-ping.js';

/**
 * Every check samaops knows, by id. An id not listed yet is simply skipped by playbooks
 * (see buildChecks); once all exist this becomes `satisfies Record<CheckId, CheckKind>`.
 */
export const checkKinds: Partial<Record<CheckId, CheckKind>> = {
  'postgres.ping': postgresPing,
};
