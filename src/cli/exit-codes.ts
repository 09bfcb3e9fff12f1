import type { CheckStatus } from '../checks/check.js';

/** Nagios plugin convention for check results, sysexits for the rest. */
export const EXIT = { ok: 0, warn: 1, fail: 2, unknown: 3, usage: 64, config: 78, software: 70 } as const;

export function exitCodeFor(status: CheckStatus): number {
  return EXIT[status];
}
