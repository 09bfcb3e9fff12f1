import { type CheckStatus, statusRank } from '../checks/check.js';
import type { Locale } from '../i18n/define-messages.js';
import { formatNumber } from '../i18n/format-number.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { formatValue } from '../render/format-measure.js';
import type { ChatMessage, MessageLine, MessageSection } from '../render/message-model.js';
import type { Report, ReportDelta, ReportLine } from './report-model.js';

/** Where and how a report is shown. */
export interface ReportMessageOptions {
  locale: Locale;
  platform: string;
  /** IANA timezone of the times shown. */
  timezone: string;
}

const byGravity = <T extends { status: CheckStatus }>(a: T, b: T) =>
  statusRank[b.status] - statusRank[a.status];

/** A report in two parts: the summary (what to read first) and every section in full. */
export interface ReportParts {
  /** Title, counts, threshold crossings (every line not ok, worst first) and the changes since the previous report. */
  summary: ChatMessage;
  /** Each section, worst first, with all its lines. */
  details: MessageSection[];
}

/**
 * A report as one message: the summary first, then the threshold crossings (every line not ok,
 * worst first), then the changes since the previous report, then each section worst first.
 */
export function reportMessage(report: Report, options: ReportMessageOptions): ChatMessage {
  const { summary, details } = reportParts(report, options);
  return { ...summary, sections: [...summary.sections, ...details] };
}

/** The report split into its summary and its sections (Slack posts the sections in the summary's thread). */
export function reportParts(report: Report, options: ReportMessageOptions): ReportParts {
  const t = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    translate(options.locale, msg(key, params));
  const lineText = (line: ReportLine) => `*${line.label}* — ${translate(options.locale, line.text)}`;
  const crossings: MessageLine[] = report.sections
    .flatMap((section) =>
      section.lines
        .filter((line) => line.status !== 'ok')
        .map((line) => ({
          status: line.status,
          text: `${translate(options.locale, section.title)} · ${lineText(line)}`,
        })),
    )
    .sort(byGravity);
  const sections: MessageSection[] = [];
  if (crossings.length > 0) sections.push({ heading: t('report.heading.crossings'), lines: crossings });
  if (report.trend && report.trend.deltas.length > 0)
    sections.push({
      heading: t('report.heading.trend', { since: formatTime(report.trend.previousAt, options) }),
      lines: report.trend.deltas.map((delta) => ({ text: deltaText(delta, options.locale) })),
    });
  const details: MessageSection[] = [...report.sections].sort(byGravity).map((section) => ({
    heading: translate(options.locale, section.title),
    lines:
      section.lines.length === 0
        ? [{ status: 'ok', text: t('report.section.empty') }]
        : [...section.lines].sort(byGravity).map((line) => ({ status: line.status, text: lineText(line) })),
  }));
  const count = (status: CheckStatus) =>
    report.sections.reduce(
      (sum, section) => sum + section.lines.filter((line) => line.status === status).length,
      0,
    );
  const changes = report.trend
    ? t('report.summary.changes', { count: report.trend.deltas.length })
    : t('report.summary.first');
  return {
    summary: {
      title: t(`report.title.${report.kind}`, { platform: options.platform }),
      summary: `${t('report.summary.counts', { fail: count('fail'), warn: count('warn'), unknown: count('unknown'), ok: count('ok') })} ${changes}`,
      status: report.status,
      sections,
      context: [t('report.context', { at: formatTime(report.createdAt, options), ms: report.durationMs })],
    },
    details,
  };
}

/** One change, e.g. `db:/data: 71 % → 75 % (+4)`, or `nouveau : …` for a new line. */
export function deltaText(delta: ReportDelta, locale: Locale): string {
  const current = formatValue(delta.current, delta.unit, locale);
  if (delta.change === 'new' || delta.previous === null)
    return translate(locale, msg('report.delta.new', { label: delta.label, current }));
  const difference = (delta.current ?? 0) - delta.previous;
  const rounded = Number.isInteger(difference) ? difference : Number(difference.toFixed(1));
  const signed =
    delta.unit === 'bytes'
      ? formatValue(Math.abs(rounded), 'bytes', locale)
      : formatNumber(Math.abs(rounded), locale);
  return translate(
    locale,
    msg('report.delta.changed', {
      label: delta.label,
      previous: formatValue(delta.previous, delta.unit, locale),
      current,
      difference: `${rounded >= 0 ? '+' : '−'}${signed}`,
    }),
  );
}

function formatTime(iso: string, options: ReportMessageOptions): string {
  return new Intl.DateTimeFormat(options.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: options.timezone,
  }).format(new Date(iso));
}
