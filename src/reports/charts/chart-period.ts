import { offsetMs } from '../../core/slo/month-range.js';
import type { ReportKind } from '../report-model.js';
import { reportMonth } from '../report-month.js';

/** A half-open time range, epoch ms. */
export interface Period {
  from: number;
  to: number;
}

/** One calendar month in the inventory's timezone, and where it starts and ends. */
export interface CalendarMonth {
  year: number;
  /** 1..12. */
  month: number;
  /** `2026-10`: the key the store groups by. */
  key: string;
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** The instant of 00:00 on a day in `timezone` (month may run past 12: 13 is next January). */
export function zonedMidnight(year: number, month: number, day: number, timezone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetMs(guess, timezone);
  // Once more at the found instant: the offset may differ there (a DST change that day).
  return guess - offsetMs(first, timezone);
}

/** The `count` calendar months ending with the one `ms` falls in, oldest first. */
export function monthsUpTo(ms: number, timezone: string, count: number): CalendarMonth[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(new Date(ms));
  const year = Number(parts.find((part) => part.type === 'year')?.value);
  const month = Number(parts.find((part) => part.type === 'month')?.value);
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + (month - 1) - (count - 1 - index);
    const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
    return {
      year: y,
      month: m,
      key: `${y}-${String(m).padStart(2, '0')}`,
      from: zonedMidnight(y, m, 1, timezone),
      to: zonedMidnight(y, m + 1, 1, timezone),
    };
  });
}

/**
 * The period a report's charts cover: the weekly report the seven days before it; the monthly
 * one the month its incidents section counts (the whole previous month on the 1st, else the
 * month so far), in the inventory's timezone.
 */
export function chartPeriod(kind: ReportKind, now: Date, timezone: string): Period {
  const to = now.getTime();
  if (kind !== 'monthly') return { from: to - (kind === 'weekly' ? 7 : 1) * DAY_MS, to };
  const month = reportMonth(now, timezone);
  const from = zonedMidnight(month.year, month.month, 1, timezone);
  return { from, to: month.whole ? zonedMidnight(month.next.year, month.next.month, 1, timezone) : to };
}
