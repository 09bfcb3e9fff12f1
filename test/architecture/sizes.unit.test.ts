import { describe, expect, it } from 'vitest';
import { functionSizes, MAX_FUNCTION_LINES, oversized } from './sizes.js';

describe('the size rule', () => {
  it(`finds no function of src/ over ${MAX_FUNCTION_LINES} lines and no file over 300`, () => {
    expect(oversized('src')).toEqual({ functions: [], files: [] });
  });

  it('measures declarations, methods and the arrow functions or expressions held by a name', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const source = [
      `export function declared() {\n${body(3)}\n}`,
      `const command = {\n  run: async () => {\n${body(2)}\n  },\n};`,
      `class Worker {\n  close(): void {\n${body(1)}\n  }\n}`,
      `const expression = function () {\n${body(4)}\n};`,
      `export const arrow = (x: number) => x + 1;`,
    ].join('\n');
    expect(functionSizes('f.ts', source)).toEqual([
      { where: 'f.ts:1 declared', lines: 5 },
      { where: 'f.ts:7 command.run', lines: 4 },
      { where: 'f.ts:13 Worker.close', lines: 3 },
      { where: 'f.ts:17 expression', lines: 6 },
      { where: 'f.ts:23 arrow', lines: 1 },
    ]);
  });
});
