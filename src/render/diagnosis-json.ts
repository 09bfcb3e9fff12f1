import type { Diagnosis } from '../checks/run-checks.js';
import type { Locale } from '../i18n/define-messages.js';
import { translate } from '../i18n/translate.js';
import { orderResults } from './order-results.js';

/** The `--json` contract: `{status, durationMs, checks: [{id, target, status, value, threshold, durationMs, detail}]}`. */
export function diagnosisToJson(diagnosis: Diagnosis, locale: Locale, playbook: string) {
  return {
    playbook,
    status: diagnosis.status,
    startedAt: diagnosis.startedAt.toISOString(),
    durationMs: diagnosis.durationMs,
    checks: orderResults(diagnosis.results).map((result) => ({
      id: result.id,
      target: result.target,
      status: result.status,
      value: result.value,
      unit: result.unit ?? null,
      threshold: result.threshold,
      durationMs: result.durationMs,
      detail: translate(locale, result.detail),
      ...(result.data ? { data: result.data } : {}),
    })),
  };
}
