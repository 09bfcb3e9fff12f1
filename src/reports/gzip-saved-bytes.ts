/** What one gzip run of the logs.gzip_old form achieved. */
export interface GzipOutcome {
  /** Files gzip replaced by their `.gz`. */
  files: number;
  /** Bytes saved over them: each file's size times its ratio. */
  bytes: number;
  /** First line of stderr that is not a ratio line: why gzip left a file alone; undefined when none. */
  problem: string | undefined;
}

const SIZE_LINE = /^(\d+) (.+)$/;
// gzip -v: `/var/log/app.log:	 85.3% -- replaced with /var/log/app.log.gz`.
const RATIO_LINE = /^(.+):\s+(-?\d+(?:\.\d+)?)% -- replaced with /;

/**
 * Pairs find's `SIZE PATH` lines (stdout) with gzip's ratio lines (stderr) by path: a file gzip
 * refused or failed has no ratio line and counts for nothing, whatever its place in the listing.
 * A file's saving is its size times its ratio, never below zero (an incompressible file grows).
 */
export function gzipOutcome(stdout: string, stderr: string): GzipOutcome {
  const sizes = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const match = SIZE_LINE.exec(line);
    if (match?.[1] && match[2]) sizes.set(match[2], Number(match[1]));
  }
  let files = 0;
  let bytes = 0;
  let problem: string | undefined;
  for (const line of stderr.split('\n')) {
    const match = RATIO_LINE.exec(line);
    const size = match?.[1] === undefined ? undefined : sizes.get(match[1]);
    if (match && size !== undefined) {
      files += 1;
      bytes += Math.max(0, Math.round((size * Number(match[2])) / 100));
    } else if (!match && line.trim() !== '') {
      problem ??= line.trim().slice(0, 200);
    }
  }
  return { files, bytes, problem };
}
