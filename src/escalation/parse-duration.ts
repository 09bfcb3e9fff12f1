import { readDurationMs } from '../config/duration.js';

/** Shortest and longest duration a command accepts (an override, a maintenance window, a silence). */
const MIN_MS = 60_000;
const MAX_MS = 7 * 86_400_000;

/** Reads `30m`, `2h`, `1d` (or `1j`) typed in a command as milliseconds; null when unreadable, under a minute or over 7 days. */
export function parseDuration(text: string): number | null {
  const ms = readDurationMs(text);
  return ms !== null && ms >= MIN_MS && ms <= MAX_MS ? ms : null;
}
