/** One line of `df -P`, sizes in 1024-byte blocks. */
export interface DfLine {
  filesystem: string;
  sizeKiB: number;
  usedKiB: number;
  availableKiB: number;
  /** df's Capacity column: used / (used + available), rounded up. */
  percent: number;
  mountedOn: string;
}

// POSIX output: filesystem, size, used, available, capacity, mount point. The filesystem name may
// hold spaces, so the numbers are anchored from the right, not split on whitespace.
const LINE = /^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%\s+(\/.*)$/;

/** Parses `df -P` output; the header and any line that does not fit are ignored. */
export function parseDf(output: string): DfLine[] {
  const lines: DfLine[] = [];
  for (const raw of output.split('\n')) {
    const match = LINE.exec(raw.trimEnd());
    if (!match) continue;
    const [, filesystem = '', size, used, available, percent, mountedOn = ''] = match;
    lines.push({
      filesystem,
      sizeKiB: Number(size),
      usedKiB: Number(used),
      availableKiB: Number(available),
      percent: Number(percent),
      mountedOn,
    });
  }
  return lines;
}
