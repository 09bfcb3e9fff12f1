import type { Check } from '../../src/checks/check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { summarise } from '../stats.js';

/** The warm median of a diagnosis with each number of SSH channels per host, alternated. */
export type ChannelsComparison = Record<number, number>;

/**
 * Warm diagnoses with `channels` SSH channels per host each (every server's sshChannels), taken
 * in alternation, `runs` at a time for `rounds` rounds, each variant on its own warm clients: on a
 * shared machine whose load drifts, alternating is what makes the variants comparable.
 */
export async function compareChannels(
  checks: readonly Check[],
  inventory: Inventory,
  channels: readonly number[],
  rounds: number,
  runs: number,
): Promise<ChannelsComparison> {
  const variants = channels.map((count) => {
    const servers = inventory.servers.map((server) => ({ ...server, sshChannels: count }));
    const variant = { ...inventory, servers };
    return {
      count,
      inventory: variant,
      clients: createPlatformClients(variant, silentLogger()),
      samples: [] as number[],
    };
  });
  try {
    for (const variant of variants) await warm(checks, variant.inventory, variant.clients);
    for (let round = 0; round < rounds; round += 1) {
      for (const variant of variants) {
        for (let i = 0; i < runs; i += 1) {
          const started = performance.now();
          await runChecks(checks, { inventory: variant.inventory, clients: variant.clients });
          variant.samples.push(performance.now() - started);
        }
      }
    }
  } finally {
    await Promise.all(variants.map((variant) => variant.clients.close()));
  }
  return Object.fromEntries(variants.map((variant) => [variant.count, summarise(variant.samples).median]));
}

async function warm(checks: readonly Check[], inventory: Inventory, clients: PlatformClients): Promise<void> {
  for (let i = 0; i < 3; i += 1) await runChecks(checks, { inventory, clients });
}
