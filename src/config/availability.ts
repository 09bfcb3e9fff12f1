import type { Person } from './schema.js';

/** Days as `Intl` and the inventory spell them, Sunday first (the order of `Date#getDay`). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * True when `availability` is open on `day` at `minutes` past local midnight. A window past
 * midnight (20:00–08:00) belongs to its start day. The one rule both paging and check-config use.
 */
export function isWindowOpen(availability: Person['availability'], day: Weekday, minutes: number): boolean {
  if (availability === '24/7') return true;
  const from = toMinutes(availability.from);
  const to = toMinutes(availability.to);
  if (from <= to) return availability.days.includes(day) && minutes >= from && minutes < to;
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] as Weekday;
  return (
    (availability.days.includes(day) && minutes >= from) ||
    (availability.days.includes(yesterday) && minutes < to)
  );
}
