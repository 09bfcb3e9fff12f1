import { type CheckStatus, statusRank } from '../../checks/check.js';

/** One minute, in milliseconds. */
export const MINUTE_MS = 60_000;

/** Minutes since the Unix epoch (UTC) of an instant: the series' time axis. */
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

/** A half-open range of minutes, `from` included, `to` excluded. */
export interface MinuteRange {
  from: number;
  to: number;
}

/** One (check, target)'s roll-up of one minute of watch runs. */
export interface MinuteSample {
  /** Minutes since the Unix epoch (UTC). */
  minute: number;
  checkId: string;
  target: string;
  /** The worst status of the minute's runs. */
  status: CheckStatus;
  /** The largest value measured in the minute (ms for latency checks); null when nothing was measured. */
  value: number | null;
}

/** What one minute of a service was: its checks all OK or warn, one of them failed, or not known. */
export type MinuteState = 'up' | 'down' | 'unknown';

/**
 * Each minute of `range` that has samples of `checks`, with its state: a failed check makes it
 * down, else an `unknown` result leaves it unknown, else it is up. Minutes absent from the map had
 * no watch run: unknown too, never up.
 */
export function minuteStates(
  samples: readonly MinuteSample[],
  checks: ReadonlySet<string>,
  range: MinuteRange,
): Map<number, MinuteState> {
  const worst = new Map<number, number>();
  for (const sample of samples) {
    if (sample.minute < range.from || sample.minute >= range.to || !checks.has(sample.checkId)) continue;
    const rank = statusRank[sample.status];
    if (rank > (worst.get(sample.minute) ?? -1)) worst.set(sample.minute, rank);
  }
  const states = new Map<number, MinuteState>();
  for (const [minute, rank] of worst) states.set(minute, stateOfRank(rank));
  return states;
}

function stateOfRank(rank: number): MinuteState {
  if (rank === statusRank.fail) return 'down';
  if (rank === statusRank.unknown) return 'unknown';
  return 'up';
}

/** Minutes of a range by state; `unknown` counts the minutes with no watch run too. */
export interface MinuteCounts {
  up: number;
  down: number;
  unknown: number;
  /** Every minute of the range. */
  total: number;
}

/** Counts the states of a range's minutes: a minute without a state is unknown. */
export function countMinutes(states: ReadonlyMap<number, MinuteState>, range: MinuteRange): MinuteCounts {
  let up = 0;
  let down = 0;
  for (const [minute, state] of states) {
    if (minute < range.from || minute >= range.to) continue;
    if (state === 'up') up += 1;
    else if (state === 'down') down += 1;
  }
  const total = Math.max(0, range.to - range.from);
  return { up, down, unknown: total - up - down, total };
}
