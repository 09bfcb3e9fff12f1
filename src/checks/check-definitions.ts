import type { CheckId, CheckKind } from './check.js';
import { postgresCheckKinds } from './postgres/index.js';
import { remoteCheckKinds } from './remote/index.js';
import { serviceCheckKinds } from './services/index.js';

/**
 * Every check samaops knows, by id, gathered from each area's index. An id not implemented yet is
 * skipped by playbooks (see buildChecks); once all exist this becomes `satisfies Record<CheckId, CheckKind>`.
 */
export const checkKinds: Partial<Record<CheckId, CheckKind>> = {
  ...postgresCheckKinds,
  ...serviceCheckKinds,
  ...remoteCheckKinds,
};
