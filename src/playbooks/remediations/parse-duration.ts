/** Longest age `kill-queries` accepts: 7 days. */
export const MAX_OLDER_THAN_SECONDS = 7 * 24 * 3600;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/** `90`, `90s`, `5m`, `2h` → seconds (1..7 days); anything else → undefined. */
export function parseDurationSeconds(word: string): number | undefined {
  const match = /^(\d{1,6})([smh]?)$/.exec(word);
  if (!match?.[1]) return undefined;
  const unit = (match[2] || 's') as keyof typeof UNIT_SECONDS;
  const seconds = Number(match[1]) * UNIT_SECONDS[unit];
  return seconds >= 1 && seconds <= MAX_OLDER_THAN_SECONDS ? seconds : undefined;
}
