import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inventorySchema } from '../../src/config/schema.js';

const reference = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

/** Unwraps defaults, optionals, arrays and pipes down to an object schema's shape, if any. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function keysOf(schema: z.ZodType, prefix = ''): string[] {
  const shape = shapeOf(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, child]) => [
    `${prefix}${key}`,
    ...keysOf(child, `${prefix}${key}.`),
  ]);
}

describe('the configuration reference (docs/configuration.md)', () => {
  it('documents every key of the inventory schema', () => {
    const keys = keysOf(inventorySchema).filter((key) => !/^thresholds\.\w+\.(warn|fail)$/.test(key));
    // A key counts as documented when any of its dotted suffixes is quoted in the reference,
    // alone (`queues`) or as the start of a deeper key (`postgres.url` documents `postgres`).
    const undocumented = keys.filter((key) => {
      const parts = key.split('.');
      const suffixes = parts.map((_, index) => parts.slice(index).join('.'));
      return !suffixes.some(
        (suffix) => reference.includes(`\`${suffix}\``) || reference.includes(`\`${suffix}.`),
      );
    });
    expect(keys.length).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  });
});
