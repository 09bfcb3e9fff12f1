import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { labDown, labUp } from '../lab/lab.js';
import { labIsUp } from '../lab/lab-session.js';
import { LAB_INVENTORY } from '../lab/lab-topology.js';

/**
 * The lab read-only for report tests: brought up only if it was down, and taken down only then.
 * Unlike openLabSession it never heals faults: another test process may have injected them.
 */
export interface ReportLab {
  inventory: Inventory;
  clients: PlatformClients;
  close(): Promise<void>;
}

/** Opens clients on config/lab.yml, bringing the lab up if it is down. */
export async function openReportLab(): Promise<ReportLab> {
  const wasUp = await labIsUp();
  if (!wasUp) await labUp();
  const inventory = loadInventory(LAB_INVENTORY);
  const clients = createPlatformClients(inventory, silentLogger());
  return {
    inventory,
    clients,
    async close() {
      await clients.close();
      if (!wasUp) await labDown();
    },
  };
}
