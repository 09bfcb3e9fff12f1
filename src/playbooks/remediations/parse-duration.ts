import { readDurationMs } from '../../config/duration.js';

/** Longest age `kill-queries` accepts: 7 days. */
export const MAX_OLDER_THAN_SECONDS = 7 * 24 * 3600;

/** `90`, `90s`, `5m`, `2h`, `1d` (or `1j`) → seconds (1 s to 7 days); anything else → undefined. */
export function parseDurationSeconds(word: string): number | undefined {
  const ms = readDurationMs(word, 's');
  if (ms === null || ms % 1000 !== 0) return undefined;
  const seconds = ms / 1000;
  return seconds >= 1 && seconds <= MAX_OLDER_THAN_SECONDS ? seconds : undefined;
}
