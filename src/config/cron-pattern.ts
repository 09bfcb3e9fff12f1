import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/**
 * Why BullMQ would refuse `pattern`, in cron-parser's words (the parser BullMQ's job schedulers
 * use, pinned to the same version in package.json); undefined when it is accepted.
 */
export function cronProblem(pattern: string): string | undefined {
  try {
    CronExpressionParser.parse(pattern, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : String(error);
  }
}

/** The next `count` times `pattern` fires after `from`, in `timezone` (as BullMQ's scheduler computes them). */
export function nextRuns(pattern: string, timezone: string, from: Date, count = 3): Date[] {
  const interval = CronExpressionParser.parse(pattern, { tz: timezone, currentDate: from });
  return interval.take(count).map((date) => date.toDate());
}

/** A cron pattern of 5 fields (minute hour day month weekday), or 6 with seconds first, that BullMQ accepts. */
export const cronPattern = z.string().superRefine((pattern, ctx) => {
  const reason = cronProblem(pattern);
  if (reason !== undefined) ctx.addIssue({ code: 'custom', message: 'config.cron', params: { reason } });
});
