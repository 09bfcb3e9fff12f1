/** Lines matched in one file. */
export interface FileCount {
  path: string;
  count: number;
}

/** Parses `grep -c -H` output, `path:count` per line; a path may itself hold ':' so split on the last. */
export function parseGrepCounts(output: string): FileCount[] {
  const counts: FileCount[] = [];
  for (const line of output.split('\n')) {
    const colon = line.lastIndexOf(':');
    if (colon <= 0) continue;
    const count = line.slice(colon + 1);
    if (!/^\d+$/.test(count)) continue;
    counts.push({ path: line.slice(0, colon), count: Number(count) });
  }
  return counts;
}
