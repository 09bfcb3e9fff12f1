import type pg from 'pg';
import type { CheckContext } from '../checks/check.js';
import type { UploadFile } from '../render/reply-port.js';
import { produceReport } from './produce-report.js';
import type { ReportKind } from './report-model.js';
import { claimForPosting, markPosted, releasePostingClaim, slotStored } from './report-store.js';
import { type ReportThread, reportThread } from './report-thread.js';

/** What a scheduled report needs: the platform, the bot's store, and a way to post to a channel. */
export interface ScheduledReportDeps extends CheckContext {
  pool: pg.Pool;
  /**
   * Posts the report's main message to a channel, calls `mainPosted` with its ts, then posts its
   * replies in that message's thread.
   */
  post(channel: string, thread: ReportThread, mainPosted: (ts: string) => Promise<void>): Promise<unknown>;
  /**
   * The charts to share in the report's thread (weekly and monthly), as of the report's time;
   * undefined when there are none. Never rejects: a chart that cannot be drawn leaves the report
   * posted without it.
   */
  chart?(kind: ReportKind, at: Date): Promise<UploadFile | undefined>;
}

/** A claim older than this belongs to a replica that died while posting: the report may be posted again. */
const POSTING_CLAIM_STALE_MS = 10 * 60_000;

/**
 * The schedules' `run` for one occurrence (`slot`): collects and stores the report unless the
 * slot already has one, then posts the stored report unless it is posted or being posted. So a
 * duplicated occurrence posts once, and the retry of an occurrence whose post failed (Slack down)
 * posts the stored report without collecting again (no maintenance step runs twice). The charts
 * (`chart`) are drawn just before posting, as of the report's time. Without a
 * channel (`reports.channel`, else the first of `slack.channels`) the report is stored only.
 */
export function scheduledReportRunner(
  deps: ScheduledReportDeps,
): (kind: ReportKind, slot: string) => Promise<void> {
  return async (kind, slot) => {
    const { inventory, clients, pool } = deps;
    if (!(await slotStored(pool, slot))) {
      const { stored } = await produceReport(kind, { inventory, clients }, { pool, slot, maintenance: true });
      // Another run of this occurrence stored it first: that run posts it.
      if (!stored) return;
    }
    const channel = inventory.reports.channel ?? inventory.slack.channels[0];
    if (!channel) return;
    const report = await claimForPosting(pool, slot, POSTING_CLAIM_STALE_MS);
    if (!report) return;
    let posted = false;
    const chart = await deps.chart?.(kind, new Date(report.createdAt));
    try {
      await deps.post(
        channel,
        {
          ...reportThread(report, {
            locale: inventory.locale,
            platform: inventory.platform,
            timezone: inventory.timezone,
          }),
          ...(chart ? { files: [chart] } : {}),
        },
        async (ts) => {
          await markPosted(pool, slot, ts);
          posted = true;
        },
      );
    } catch (error) {
      if (!posted) await releasePostingClaim(pool, slot);
      throw error;
    }
    // A poster that never reported its main message still posted it.
    if (!posted) await markPosted(pool, slot, undefined);
  };
}
