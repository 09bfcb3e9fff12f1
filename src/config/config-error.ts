/** One problem of an inventory, where it is and how to fix it. */
export interface ConfigProblem {
  /** YAML path, e.g. `servers[1].hostKeyFingerprint`. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
  hint?: string;
}

/** The inventory cannot be used; `problems` lists every reason (never the values, which may be secrets). */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`${file}: ${problems.length} problem(s) in the inventory`);
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
