import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Locale } from '../i18n/define-messages.js';
import { type Message, type MessageParams, msg } from '../i18n/message.js';
import { isMessageKey } from '../i18n/translate.js';
import { ConfigError, type ConfigProblem, formatPath } from './config-error.js';
import { localeFromEnv, problemLocale } from './config-locale.js';
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
    throw new ConfigError(
      file,
      [{ path: '(file)', message: msg('config.file.unreadable', { code }), hint: msg('config.hint.file') }],
      problemLocale(env, null),
    );
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
        message: msg('config.yaml.invalid', { reason: error.message.split('\n')[0] ?? '—' }),
      })),
      problemLocale(env, null),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined =>
    lineOfPath(document, lineCounter, path);

  const tree = document.toJS() ?? {};
  const locale = problemLocale(env, tree);
  const resolved = resolveSecrets(tree, env, dirname(file));
  const problems: ConfigProblem[] = resolved.problems.map((problem) => ({
    path: formatPath(problem.path),
    line: lineOf(problem.path),
    message: problem.message,
  }));
  const envLocale = localeFromEnv(env);
  if (envLocale.invalid !== undefined) {
    problems.push({
      path: 'SAMAOPS_LOCALE',
      message: msg('config.env.locale', { value: envLocale.invalid }),
    });
  }

  const parsed = inventorySchema.safeParse(resolved.value, {
    error: ZOD_LOCALE[locale],
    // Only to tell a missing key from a wrong value; the values never leave this file (secrets).
    reportInput: true,
  });
  if (!parsed.success) {
    // A secret file that could not be read is already listed: its "missing" twin would say it twice.
    const reported = new Set(problems.map((problem) => problem.path));
    const schemaProblems = parsed.error.issues.map((issue) => toProblem(issue, lineOf));
    problems.push(...schemaProblems.filter((problem) => !reported.has(problem.path)));
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(file, problems, locale);
  return envLocale.locale ? { ...parsed.data, locale: envLocale.locale } : parsed.data;
}

/** zod's own messages (type, size, enum) in the reader's language; the schema's own are catalogue keys. */
const ZOD_LOCALE: Record<Locale, z.core.$ZodErrorMap> = {
  fr: z.locales.fr().localeError,
  en: z.locales.en().localeError,
};

function toProblem(
  issue: z.core.$ZodIssue,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ConfigProblem {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const hint = hintFor(path);
  return {
    path: formatPath(path),
    line: lineOf(path),
    message: issueMessage(issue),
    ...(hint ? { hint } : {}),
  };
}

function issueMessage(issue: z.core.$ZodIssue): Message | string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return msg('config.key.unknown', { count: issue.keys.length, keys });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return msg('config.key.missing', { expected: issue.expected });
  }
  if (!isMessageKey(issue.message)) return issue.message;
  const params: MessageParams = issue.code === 'custom' ? { ...issue.params } : {};
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  return msg(issue.message, params);
}

/** For a later look-up (check-config's findings): the line of a YAML path in `text`. */
export function lineFinder(text: string): (path: readonly PropertyKey[]) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => lineOfPath(document, lineCounter, path);
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
