import { buildChecks } from '../checks/build-checks.js';
import { type CheckId, worstStatus } from '../checks/check.js';
import { runChecks } from '../checks/run-checks.js';
import type { Message } from '../i18n/message.js';
import type { ReportCollector } from './report-collector.js';
import type { ReportLine } from './report-model.js';

/**
 * A section made of the check engine's results for one check id, one line per target: the report
 * reuses the checks' probes, thresholds and unreachable handling instead of measuring again.
 */
export function checkSection(id: string, checkId: CheckId, title: Message): ReportCollector {
  return {
    id,
    title,
    async collect({ inventory, clients, signal }) {
      const { results } = await runChecks(
        buildChecks([checkId], inventory),
        { inventory, clients },
        { signal },
      );
      const lines = results.map(
        (result): ReportLine => ({
          label: result.target,
          status: result.status,
          text: result.detail,
          metric: `${checkId}:${result.target}`,
          value: result.value,
          ...(result.unit ? { unit: result.unit } : {}),
        }),
      );
      return { id, title, status: worstStatus(lines.map((line) => line.status)), lines };
    },
  };
}
