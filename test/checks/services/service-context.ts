import type { Check, CheckContext, CheckId } from '../../../src/checks/check.js';
import { serviceCheckKinds } from '../../../src/checks/services/index.js';
import { type Inventory, inventorySchema } from '../../../src/config/schema.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';

/** An inventory from a plain object, through the real schema (defaults filled, as at start-up). */
export function inventoryOf(input: Record<string, unknown>): Inventory {
  return inventorySchema.parse(input);
}

/** The real platform clients for `inventory`, as the bot builds them. */
export function contextOf(inventory: Inventory): CheckContext {
  return { inventory, clients: createPlatformClients(inventory, silentLogger()) };
}

/** The runnable service checks of these ids for the inventory. */
export function serviceChecks(
  ids: (keyof typeof serviceCheckKinds & CheckId)[],
  inventory: Inventory,
): Check[] {
  return ids.flatMap((id) => serviceCheckKinds[id].instances(inventory));
}
