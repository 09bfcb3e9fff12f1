import type pg from 'pg';
import type { CheckContext } from '../checks/check.js';
import { produceReport } from './produce-report.js';
import type { ReportKind } from './report-model.js';
import { type ReportThread, reportThread } from './report-thread.js';

/** What a scheduled report needs: the platform, the bot's store, and a way to post to a channel. */
export interface ScheduledReportDeps extends CheckContext {
  pool: pg.Pool;
  /** Posts the report's main message to a channel, then its replies in that message's thread. */
  post(channel: string, thread: ReportThread): Promise<void>;
}

/**
 * The schedules' `run`: produces the report, stores it under its slot, and posts it only when
 * this call stored it, so that a retried or duplicated occurrence posts nothing twice. Without a
 * channel (`reports.channel`, else the first of `slack.channels`) the report is stored only.
 */
export function scheduledReportRunner(
  deps: ScheduledReportDeps,
): (kind: ReportKind, slot: string) => Promise<void> {
  return async (kind, slot) => {
    const { inventory, clients, pool } = deps;
    const { report, stored } = await produceReport(
      kind,
      { inventory, clients },
      { pool, slot, maintenance: true },
    );
    const channel = inventory.reports.channel ?? inventory.slack.channels[0];
    if (!stored || !channel) return;
    await deps.post(
      channel,
      reportThread(report, {
        locale: inventory.locale,
        platform: inventory.platform,
        timezone: inventory.timezone,
      }),
    );
  };
}
