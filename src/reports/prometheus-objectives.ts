import type { CheckStatus } from '../checks/check.js';
import type { Inventory } from '../config/schema.js';
import { MINUTE_MS, type MinuteRange } from '../core/slo/minute-series.js';
import { explainError } from '../i18n/explain-error.js';
import { type Message, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { HttpClient } from '../platform/http-client.js';
import {
  PrometheusQueryError,
  type PrometheusTarget,
  prometheusInstantQuery,
} from '../platform/prometheus-query.js';
import type { ReportLine } from './report-model.js';
import { floor2 } from './slo-lines.js';

/** The objectives only Prometheus measures, and which way is better. */
const OBJECTIVES = [
  { key: 'httpErrors', better: 'below' },
  { key: 'notificationsSent', better: 'above' },
] as const;

type Objective = Inventory['slo'][(typeof OBJECTIVES)[number]['key']];

/** Held against its objective: strictly better than the target is ok, than the critical level warn. */
function grade(value: number, objective: Objective, better: 'below' | 'above'): CheckStatus {
  const beats = (limit: number) => (better === 'below' ? value < limit : value > limit);
  if (beats(objective.target)) return 'ok';
  return beats(objective.critical) ? 'warn' : 'fail';
}

/** The query with `$window` as the period's length, e.g. `2592000s`. */
export function windowedQuery(query: string, range: MinuteRange): string {
  return query.replaceAll('$window', `${(range.to - range.from) * 60}s`);
}

/** One objective's line from its query, or `unknown` saying why there is no figure. */
async function measure(
  http: HttpClient,
  prometheus: PrometheusTarget,
  objective: Objective & { query: string },
  better: 'below' | 'above',
  range: MinuteRange,
  signal: AbortSignal,
): Promise<{ status: CheckStatus; text: Message; value: number | null }> {
  const params = {
    target: objective.target,
    critical: objective.critical,
    sign: better === 'below' ? '<' : '>',
  };
  try {
    const query = windowedQuery(objective.query, range);
    const answer = await prometheusInstantQuery(http, prometheus, query, range.to * MINUTE_MS, signal);
    if (answer.kind === 'none') return { status: 'unknown', text: msg('slo.external.noValue'), value: null };
    const value = floor2(answer.value);
    const status = grade(answer.value, objective, better);
    return { status, text: msg('slo.external.value', { ...params, value }), value };
  } catch (error) {
    const text =
      error instanceof PrometheusQueryError
        ? msg('slo.external.refused', { errorType: error.errorType, error: error.error.slice(0, 200) })
        : msg('slo.external.unreachable', { reason: explainError(error) });
    return { status: 'unknown', text, value: null };
  }
}

/**
 * The lines of the objectives the bot's probes cannot measure (HTTP error rate, notifications
 * sent): each from one instant query to `services.prometheus.url` at the period's end, its
 * `$window` the period's length; without Prometheus or a query, a line that says so.
 */
export async function prometheusObjectiveLines(
  http: HttpClient,
  inventory: Pick<Inventory, 'services' | 'slo' | 'locale'>,
  range: MinuteRange,
  signal: AbortSignal,
): Promise<ReportLine[]> {
  const prometheus = inventory.services.prometheus;
  return Promise.all(
    OBJECTIVES.map(async ({ key, better }): Promise<ReportLine> => {
      const objective = inventory.slo[key];
      const line = {
        label: translate(inventory.locale, msg(`slo.external.${key}`)),
        metric: `slo.${key}`,
        unit: '%' as const,
      };
      const { query } = objective;
      if (!prometheus || !query || range.to <= range.from)
        return { ...line, status: 'unknown', text: msg('slo.external.notMeasurable', { key }), value: null };
      return {
        ...line,
        ...(await measure(http, prometheus, { ...objective, query }, better, range, signal)),
      };
    }),
  );
}
