import type { CheckStatus } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import type { Locale } from '../i18n/define-messages.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { formatThreshold, formatValue } from './format-measure.js';
import { orderResults } from './order-results.js';
import { paintStatus } from './status-colour.js';

export interface TerminalOptions {
  locale: Locale;
  /** ANSI colours, for a TTY. Default false. */
  colour?: boolean;
  platform: string;
  playbookTitle: string;
}

/** A diagnosis as terminal text: a header, then one aligned line per check, worst first. */
export function renderDiagnosisText(diagnosis: Diagnosis, options: TerminalOptions): string {
  const { locale, colour = false } = options;
  const t = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    translate(locale, msg(key, params));
  const paint = (status: CheckStatus, text: string) => paintStatus(status, text, colour);
  const statusLabel = (status: CheckStatus) => t(`status.${status}`);

  const counts = { ok: 0, warn: 0, fail: 0, unknown: 0 };
  for (const result of diagnosis.results) counts[result.status] += 1;

  const header = t('report.header', {
    platform: options.platform,
    playbook: options.playbookTitle,
    status: paint(diagnosis.status, statusLabel(diagnosis.status)),
    ms: diagnosis.durationMs,
  });
  if (diagnosis.results.length === 0) return `${header}\n${t('report.empty')}\n`;

  const rows = orderResults(diagnosis.results).map((result) => {
    const threshold = formatThreshold(result.threshold, locale);
    const value = formatValue(result.value, result.unit, locale);
    return {
      status: result.status,
      cells: [
        statusLabel(result.status),
        result.id,
        result.target,
        threshold ? `${value} (${threshold})` : value,
        translate(locale, result.detail),
        `${result.durationMs} ms`,
      ],
    };
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row.cells[column]?.length ?? 0)));
  const lines = rows.map(({ status, cells }) => {
    const [label = '', ...rest] = cells.map((cell, column) =>
      column < 4 ? cell.padEnd(widths[column] ?? 0) : cell,
    );
    return `${paint(status, label)}  ${rest.join('  ')}`.trimEnd();
  });
  return `${header}\n${t('report.counts', counts)}\n\n${lines.join('\n')}\n`;
}
