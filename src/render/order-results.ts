import { type CheckResult, checkIds, statusRank } from '../checks/check.js';

/** Worst first; then in the order of the check ids contract, then by target. */
export function orderResults(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort(
    (a, b) =>
      statusRank[b.status] - statusRank[a.status] ||
      checkIds.indexOf(a.id) - checkIds.indexOf(b.id) ||
      a.target.localeCompare(b.target),
  );
}
