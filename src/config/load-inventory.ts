import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem, formatPath } from './config-error.js';
import { hintFor } from './hints.js';
import { resolveSecrets } from './resolve-secrets.js';
import { type Inventory, inventorySchema } from './schema.js';

/** Default inventory path, relative to the working directory. */
export const DEFAULT_INVENTORY_PATH = 'config/samaops.yml';

/** Picks the inventory file: `--config` first, then `SAMAOPS_CONFIG`, then config/samaops.yml. */
export function inventoryPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.SAMAOPS_CONFIG ?? DEFAULT_INVENTORY_PATH);
}

/** Reads, resolves and validates an inventory. Throws ConfigError listing every problem. */
export function loadInventory(file: string, env: NodeJS.ProcessEnv = process.env): Inventory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(file, [
      {
        path: '(file)',
        message: `cannot read the inventory (${code})`,
        hint: 'use --config FILE or SAMAOPS_CONFIG',
      },
    ]);
  }
  return parseInventory(text, file, env);
}

/** Validates inventory text; `file` names it in errors and anchors relative `*File` paths. */
export function parseInventory(text: string, file: string, env: NodeJS.ProcessEnv = process.env): Inventory {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((error) => ({
        path: '(yaml)',
        line: error.linePos?.[0]?.line,
        message: error.message.split('\n')[0] ?? 'invalid YAML',
      })),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined =>
    lineOfPath(document, lineCounter, path);

  const resolved = resolveSecrets(document.toJS() ?? {}, env, dirname(file));
  const problems: ConfigProblem[] = resolved.problems.map((problem) => ({
    path: formatPath(problem.path),
    line: lineOf(problem.path),
    message: problem.message,
  }));

  const parsed = inventorySchema.safeParse(resolved.value);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => toProblem(issue, lineOf)));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(file, problems);
  return parsed.data;
}

function toProblem(
  issue: z.core.$ZodIssue,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ConfigProblem {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.code === 'invalid_type' && issue.input === undefined
        ? `missing (expected ${issue.expected})`
        : issue.message;
  return { path: formatPath(path), line: lineOf(path), message, hint: hintFor(path) };
}

/** Line of the deepest node of `path` that exists in the document (a missing key points at its parent). */
function lineOfPath(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const prefix = path.slice(0, depth).map((part) => (typeof part === 'symbol' ? String(part) : part));
    const node = depth === 0 ? document.contents : document.getIn(prefix, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}
