import { readdirSync, readFileSync } from 'node:fs';
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

  it('documents every SAMAOPS_ variable the bot reads', () => {
    const sources = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const read = [...new Set(sources.match(/SAMAOPS_[A-Z0-9_]+/g) ?? [])];
    expect(read).toEqual(expect.arrayContaining(['SAMAOPS_LINK_SECRET', 'SAMAOPS_HEARTBEAT_URL']));
    expect(read.filter((name) => !reference.includes(`\`${name}\``))).toEqual([]);
  });
});
