import { isWindowOpen, type Weekday } from '../../config/availability.js';
import type { TeamRole } from '../../config/schema.js';
import type { Level, PolicySnapshot, SnapshotPerson } from './policy-snapshot.js';

/** A runtime override: this person takes the role's shift until `untilMs`. */
export interface OnCallOverride {
  slackId: string;
  role: TeamRole;
  untilMs: number;
}

/** Day of week and minutes since midnight of `nowMs` in `timezone` (Intl: no timezone library). */
export function localClock(nowMs: number, timezone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as Weekday;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** True when the person's availability window includes `nowMs` (a window past midnight belongs to its start day). */
export function isAvailable(person: SnapshotPerson, nowMs: number, timezone: string): boolean {
  if (person.availability === '24/7') return true;
  const { day, minutes } = localClock(nowMs, timezone);
  return isWindowOpen(person.availability, day, minutes);
}

/**
 * Who holds `role` now: the active overrides when there are any (someone took the shift),
 * otherwise the team members with the role whose availability window is open.
 */
export function onCallFor(
  snapshot: PolicySnapshot,
  role: TeamRole,
  overrides: readonly OnCallOverride[],
  nowMs: number,
): string[] {
  const taken = overrides.filter((override) => override.role === role && override.untilMs > nowMs);
  if (taken.length > 0) return [...new Set(taken.map((override) => override.slackId))];
  return snapshot.team
    .filter((person) => person.roles.includes(role) && isAvailable(person, nowMs, snapshot.timezone))
    .map((person) => person.slackId);
}

/** Everyone paged at `level` now: the on-call people of each of its roles, without repeats. */
export function reachableAt(
  snapshot: PolicySnapshot,
  level: Level,
  overrides: readonly OnCallOverride[],
  nowMs: number,
): string[] {
  return [
    ...new Set(snapshot.levels[level].roles.flatMap((role) => onCallFor(snapshot, role, overrides, nowMs))),
  ];
}
