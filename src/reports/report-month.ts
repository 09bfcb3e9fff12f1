/** The calendar month a monthly report counts over, in the inventory's timezone. */
export interface ReportMonth {
  year: number;
  /** 1..12. */
  month: number;
  /** True for a whole month (a run on the 1st); false for the month so far (a run on another day). */
  whole: boolean;
  /** Day of the month of the run, in the timezone: the last day counted when not whole. */
  day: number;
  /** The month after, where a whole month's count ends. */
  next: { year: number; month: number };
}

/**
 * Which month a monthly report covers: on the 1st (the schedule's day, `0 6 1 * *`) the previous
 * calendar month, whole; on any other day (a run by hand) the current month so far. Days are
 * those of `timezone`, so an incident at 23:30 UTC on the 31st belongs to the next month in Paris.
 */
export function reportMonth(now: Date, timezone: string): ReportMonth {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  if (day === 1) {
    const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
    return { ...previous, whole: true, day, next: { year, month } };
  }
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { year, month, whole: false, day, next };
}

/** The month's name and year in the inventory's language, e.g. `octobre 2026`. */
export function monthLabel(period: Pick<ReportMonth, 'year' | 'month'>, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(period.year, period.month - 1, 15));
}
