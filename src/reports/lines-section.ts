import { worstStatus } from '../checks/check.js';
import type { Message } from '../i18n/message.js';
import type { CollectContext, ReportCollector } from './report-collector.js';
import type { ReportLine, ReportSection } from './report-model.js';

/** How a lines section is collected. */
export interface LinesSectionOptions {
  /** A line the previous report did not have is a change worth showing. Default false. */
  trackNew?: boolean;
  /** The collector's own deadline, ms (ReportCollector.timeoutMs). Default: the collection's. */
  timeoutMs?: number;
  /** Changes the servers (ReportCollector.mutating): collected after the read-only sections. Default false. */
  mutating?: boolean;
}

/** A collector whose section status is the worst of its lines. */
export function linesSection(
  id: string,
  title: Message,
  lines: (context: CollectContext) => Promise<ReportLine[]>,
  options: LinesSectionOptions = {},
): ReportCollector {
  const { trackNew = false, timeoutMs, mutating = false } = options;
  return {
    id,
    title,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(mutating ? { mutating } : {}),
    async collect(context): Promise<ReportSection> {
      const collected = await lines(context);
      const status = worstStatus(collected.map((line) => line.status));
      return { id, title, status, lines: collected, ...(trackNew ? { trackNew } : {}) };
    },
  };
}
