import type { Threshold, Unit } from '../checks/check.js';
import type { Locale } from '../i18n/define-messages.js';
import { formatBytes, formatNumber } from '../i18n/format-number.js';
import { translate } from '../i18n/translate.js';

const UNIT_LABEL: Record<Unit, string> = { ms: 'ms', '%': '%', count: '', bytes: 'B', s: 's' };

/** A measured value with its unit, e.g. `42 ms`, `87,5 %`, `1,2 Mio`; an em dash when nothing was measured. */
export function formatValue(value: number | null, unit: Unit | undefined, locale: Locale): string {
  if (value === null) return '—';
  if (unit === 'bytes') return formatBytes(value, locale);
  const number = formatNumber(value, locale, 1);
  const label = unit ? UNIT_LABEL[unit] : '';
  return label ? `${number} ${label}` : number;
}

/** The threshold as readers know it, e.g. `seuil 100 / 500 ms`; empty when there is none. */
export function formatThreshold(threshold: Threshold | null, locale: Locale): string {
  if (!threshold) return '';
  const unit = threshold.unit === 'bytes' ? '' : UNIT_LABEL[threshold.unit];
  const params = { warn: threshold.warn, fail: threshold.fail ?? '', unit };
  const key =
    threshold.direction === 'below'
      ? 'threshold.below'
      : threshold.fail === undefined
        ? 'threshold.aboveWarnOnly'
        : 'threshold.above';
  return translate(locale, { key, params }).trim();
}
