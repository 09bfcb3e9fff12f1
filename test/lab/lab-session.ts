import { buildChecks } from '../../src/checks/build-checks.js';
import type { CheckId, CheckResult, CheckStatus } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { EVENTUALLY_MS, eventually } from '../support/eventually.js';
import type { Detection } from './faults/lab-fault.js';
import { activeFaults, healFault } from './faults/lab-faults.js';
import { labComponents, labDown, labUp } from './lab.js';
import { LAB_INVENTORY } from './lab-topology.js';

/**
 * What a lab test needs: the lab up (started by this test only if it was down), the generated
 * inventory and real platform clients, and a way to poll checks until they reach a status.
 */
export interface LabSession {
  inventory: Inventory;
  clients: PlatformClients;
  /** Runs the checks of `ids` through the real engine. */
  run(ids: readonly CheckId[]): Promise<CheckResult[]>;
  /**
   * Runs the checks until each detection's result has a status in `wanted` (or the limit, default
   * EVENTUALLY_MS, passes); returns the last results seen, for the caller's expectations to judge.
   */
  until(
    detections: readonly Detection[],
    wanted: readonly CheckStatus[],
    timeoutMs?: number,
  ): Promise<CheckResult[]>;
  /** Heals faults left over, closes the clients, and takes the lab down if this session brought it up. */
  close(): Promise<void>;
}

/** True when every component of the lab runs. */
export async function labIsUp(): Promise<boolean> {
  return (await labComponents()).every((component) => component.running);
}

/** Brings the lab up (idempotent) and opens clients on config/lab.yml. */
export async function openLabSession(): Promise<LabSession> {
  const wasUp = await labIsUp();
  await labUp();
  const inventory = loadInventory(LAB_INVENTORY);
  const clients = createPlatformClients(inventory, silentLogger());
  const run = async (ids: readonly CheckId[]) =>
    (await runChecks(buildChecks(ids, inventory), { inventory, clients })).results;
  return {
    inventory,
    clients,
    run,
    async until(detections, wanted, timeoutMs = EVENTUALLY_MS) {
      let last: CheckResult[] = [];
      const matched = (result: CheckResult, detection: Detection) =>
        result.id === detection.id && result.target === detection.target;
      const reached = async () => {
        last = await run([...new Set(detections.map((detection) => detection.id))]);
        return detections.every((detection) =>
          last.some((result) => matched(result, detection) && wanted.includes(result.status)),
        );
      };
      // On time out the last results go back: the caller's expectations show what was seen.
      await eventually(`statuses ${wanted.join('|')}`, reached, timeoutMs).catch(() => undefined);
      return last.filter((result) => detections.some((detection) => matched(result, detection)));
    },
    async close() {
      for (const fault of activeFaults()) await healFault(fault);
      await clients.close();
      if (!wasUp) await labDown();
    },
  };
}
