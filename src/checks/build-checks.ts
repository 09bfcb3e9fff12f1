import type { Inventory } from '../config/schema.js';
import type { Check, CheckId, CheckKind } from './check.js';
import { checkKinds } from './check-definitions.js';

/** One runnable check per (kind, target) found in the inventory, in the order of `ids`. */
export function buildChecks(
  ids: readonly CheckId[],
  inventory: Inventory,
  kinds: Partial<Record<CheckId, CheckKind>> = checkKinds,
): Check[] {
  return ids.flatMap((id) => kinds[id]?.instances(inventory) ?? []);
}
