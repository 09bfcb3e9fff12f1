import { worstStatus } from '../checks/check.js';
import type { Message } from '../i18n/message.js';
import type { CollectContext, ReportCollector } from './report-collector.js';
import type { ReportLine, ReportSection } from './report-model.js';

/** A collector whose section status is the worst of its lines. */
export function linesSection(
  id: string,
  title: Message,
  lines: (context: CollectContext) => Promise<ReportLine[]>,
  trackNew = false,
): ReportCollector {
  return {
    id,
    title,
    async collect(context): Promise<ReportSection> {
      const collected = await lines(context);
      const status = worstStatus(collected.map((line) => line.status));
      return { id, title, status, lines: collected, ...(trackNew ? { trackNew } : {}) };
    },
  };
}
