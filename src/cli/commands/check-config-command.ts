import { parseArgs } from 'node:util';
import { describeInventory } from '../../config/describe-inventory.js';
import { inventoryPath, loadInventory } from '../../config/load-inventory.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

/** `samaops check-config [--config FILE]`: validates the inventory and summarises it (errors exit 78 via runCli). */
export async function checkConfigCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } } });
  const file = inventoryPath(values.config, io.env);
  const inventory = loadInventory(file, io.env);
  io.stdout.write(`${file}: OK\n${describeInventory(inventory)}\n`);
  return EXIT.ok;
}
