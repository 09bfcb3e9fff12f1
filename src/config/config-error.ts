import type { Locale } from '../i18n/define-messages.js';
import type { Message } from '../i18n/message.js';

/** One problem of an inventory, where it is and how to fix it. */
export interface ConfigProblem {
  /** YAML path, e.g. `servers[1].hostKeyFingerprint`. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Catalogued, or a parser's own words already in the reader's language (zod's locale, YAML's). */
  message: Message | string;
  hint?: Message;
}

/** The inventory cannot be used; `problems` lists every reason (never the values, which may be secrets). */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
    /** Language the problems are told in: SAMAOPS_LOCALE, else the file's `locale`, else fr. */
    readonly locale: Locale = 'fr',
    /** The line above the problems. Default `samaops: invalid inventory FILE`. */
    readonly header?: Message,
  ) {
    super(`${file}: the inventory has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`);
    this.name = 'ConfigError';
  }
}

/** Formats a path array as `servers[1].hostKeyFingerprint`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
      )
      .join('') || '(root)'
  );
}
