import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type Message, msg } from '../i18n/message.js';

/** A problem found while resolving secrets, at a path of the YAML document. */
export interface SecretProblem {
  path: (string | number)[];
  message: Message;
}

/** Keys whose `<key>File` sibling holds the value in a file (e.g. `privateKeyFile`, `passwordFile`, `caFile`). */
const FILE_BACKED_KEYS = new Set([
  'url',
  'managementUrl',
  'password',
  'privateKey',
  'token',
  'username',
  'ca',
]);

const ENV_REFERENCE = /\$\{([A-Z_][A-Z0-9_]*)\}/g;

/**
 * Replaces `${ENV_VAR}` references inside strings and loads `<key>File` values, so that secrets
 * never have to be written in the inventory. Returns a new tree; the input is not changed.
 * Relative file paths are read from `baseDir` (the inventory's folder).
 */
export function resolveSecrets(
  tree: unknown,
  env: NodeJS.ProcessEnv,
  baseDir: string,
): { value: unknown; problems: SecretProblem[] } {
  const problems: SecretProblem[] = [];

  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') return interpolate(node, path);
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, index]));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(node)) {
      const fileKey = key.endsWith('File') ? key.slice(0, -'File'.length) : null;
      if (fileKey && FILE_BACKED_KEYS.has(fileKey)) {
        const filePath = visit(raw, [...path, key]);
        if (typeof filePath !== 'string') {
          problems.push({ path: [...path, key], message: msg('config.secret.notPath') });
          continue;
        }
        const absolute = isAbsolute(filePath) ? filePath : resolve(baseDir, filePath);
        try {
          const contents = readFileSync(absolute, 'utf8');
          out[fileKey] = fileKey === 'privateKey' || fileKey === 'ca' ? contents : contents.trim();
        } catch (error) {
          problems.push({
            path: [...path, key],
            message: msg('config.secret.unreadable', {
              file: absolute,
              code: (error as NodeJS.ErrnoException).code ?? 'error',
            }),
          });
        }
        continue;
      }
      out[key] = visit(raw, [...path, key]);
    }
    return out;
  };

  const interpolate = (text: string, path: (string | number)[]): string =>
    text.replace(ENV_REFERENCE, (_match, name: string) => {
      const value = env[name];
      if (value === undefined || value === '') {
        problems.push({ path, message: msg('config.secret.envMissing', { name }) });
        return '';
      }
      return value;
    });

  return { value: visit(tree, []), problems };
}
