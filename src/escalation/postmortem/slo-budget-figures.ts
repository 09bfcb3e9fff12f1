import type { ServiceObjective } from '../../config/slo-schema.js';
import { monthAt } from '../../core/slo/month-range.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { Queryable } from '../../store/incidents/incident-queries.js';
import { readBudgetSpent } from '../../store/slo/slo-figures-store.js';
import type { SloBudgetSource } from './slo-budget-source.js';

/**
 * The post-mortem's SLO port over the watch's per-minute series: what the incident's span spent of
 * each service's availability budget for the month it started in (`readBudgetSpent`), named in the
 * reader's language. Undefined when the inventory has no SLO (nothing to say).
 */
export function sloBudgetSource(
  db: Queryable,
  objectives: readonly ServiceObjective[],
  timezone: string,
  locale: Locale,
): SloBudgetSource {
  return async ({ from, to }) => {
    if (objectives.length === 0) return undefined;
    const spent = await readBudgetSpent(db, objectives, { fromMs: from, toMs: to }, timezone);
    const month = monthAt(from, timezone);
    const period = `${month.year}-${String(month.month).padStart(2, '0')}`;
    return spent.flatMap((service) =>
      service.consumedPercentOfMonth === null
        ? []
        : [
            {
              slo: translate(
                locale,
                msg('postmortem.slo.availability', {
                  service: service.service,
                  minutes: Math.round(service.spentMinutes),
                }),
              ),
              consumedPercent: service.consumedPercentOfMonth,
              period,
            },
          ],
    );
  };
}
