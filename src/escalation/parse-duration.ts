const UNIT_MS = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, j: 86_400_000 } as const;

/** Reads `30m`, `2h`, `1d` (or `1j`) typed in a command as milliseconds; null when unreadable or over 7 days. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})(m|min|h|d|j)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= 7 * 86_400_000 ? ms : null;
}
