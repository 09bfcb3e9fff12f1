import { type MinuteRange, minuteOf } from './minute-series.js';

/** A calendar month: `month` is 1..12. */
export interface CalendarMonth {
  year: number;
  month: number;
}

/** The wall-clock fields of an instant in `timezone` (Intl: no timezone library). */
function wallClock(ms: number, timezone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** How far `timezone`'s wall clock is ahead of UTC at an instant, ms (Dakar 0, Paris 3,600,000 in winter). */
export function offsetMs(ms: number, timezone: string): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = wallClock(ms, timezone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of 00:00 on the 1st of a month in `timezone`, ms since the epoch. */
export function monthStartMs({ year, month }: CalendarMonth, timezone: string): number {
  const wall = Date.UTC(year, month - 1, 1);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const guess = wall - offsetMs(wall, timezone);
  return wall - offsetMs(guess, timezone);
}

/** The month after. */
export function nextMonth({ year, month }: CalendarMonth): CalendarMonth {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The calendar month, in `timezone`, that holds an instant. */
export function monthAt(ms: number, timezone: string): CalendarMonth {
  const [year = 1970, month = 1] = wallClock(ms, timezone);
  return { year, month };
}

/** A whole calendar month of `timezone` as a range of minutes. */
export function monthRange(month: CalendarMonth, timezone: string): MinuteRange {
  return {
    from: minuteOf(monthStartMs(month, timezone)),
    to: minuteOf(monthStartMs(nextMonth(month), timezone)),
  };
}

/** A month so far: from its start to `nowMs` (the minute under way excluded), within the month. */
export function monthSoFar(month: CalendarMonth, timezone: string, nowMs: number): MinuteRange {
  const whole = monthRange(month, timezone);
  return { from: whole.from, to: Math.max(whole.from, Math.min(whole.to, minuteOf(nowMs))) };
}
