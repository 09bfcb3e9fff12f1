import type { CheckResult } from '../checks/check.js';
import type { Diagnosis } from '../checks/run-checks.js';
import type { MessageKey } from '../i18n/catalogue/index.js';
import type { Locale } from '../i18n/define-messages.js';
import { type MessageParams, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { formatThreshold, formatValue } from '../render/format-measure.js';
import type { ChatMessage, MessageLine } from '../render/message-model.js';
import { orderResults } from '../render/order-results.js';
import { diagnosePlaybooks, type PlaybookId } from './diagnose-playbooks.js';
import { withRemediationButtons } from './guard/remediation-buttons.js';

/** Action id of the "run the diagnosis again" button; its value is the playbook id. */
export const RERUN_DIAGNOSIS_ACTION = 'sama.diagnose.rerun';

/** What a report needs besides the diagnosis: language, names, time zone, who asked. */
export interface DiagnosisMessageOptions {
  locale: Locale;
  platform: string;
  playbook: PlaybookId;
  /** IANA timezone of the time shown, e.g. Africa/Dakar. */
  timeZone: string;
  /** Who asked, as Slack mentions it (`<@U123>`) or a name. */
  requestedBy: string;
  /** OK lines listed before the rest are collapsed into "+N more OK checks". Default 5. */
  okLinesShown?: number;
}

/**
 * A diagnosis as a message: what is wrong first (fail, unknown, warn), with its detail, then the
 * OK checks collapsed; a button runs the same playbook again.
 */
export function diagnosisMessage(diagnosis: Diagnosis, options: DiagnosisMessageOptions): ChatMessage {
  const { locale } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, msg(key, params));
  const ordered = orderResults(diagnosis.results);
  const problems = ordered.filter((result) => result.status !== 'ok');
  const healthy = ordered.filter((result) => result.status === 'ok');
  const counts = { fail: 0, unknown: 0, warn: 0, ok: 0 };
  for (const result of diagnosis.results) counts[result.status] += 1;

  const sections: ChatMessage['sections'] = [];
  if (problems.length > 0) {
    const offered = new Set<string>();
    sections.push({
      heading: t('slack.report.problems'),
      lines: problems.map((r) => withRemediationButtons(resultLine(r, locale), r, locale, offered)),
    });
  }
  if (healthy.length > 0) {
    const shown = healthy.slice(0, options.okLinesShown ?? 5);
    const lines = shown.map((r) => resultLine(r, locale));
    const hidden = healthy.length - shown.length;
    if (hidden > 0) lines.push({ text: t('slack.report.moreOk', { count: hidden }), status: 'ok' });
    sections.push({ heading: t('slack.report.healthy'), lines });
  }
  if (diagnosis.results.length === 0) sections.push({ lines: [{ text: t('report.empty') }] });

  return {
    title: t('slack.report.title', {
      platform: options.platform,
      playbook: diagnosePlaybooks[options.playbook].title[locale],
    }),
    status: diagnosis.status,
    summary: t('slack.report.summary', {
      status: t(`status.${diagnosis.status}`),
      counts: problems.length === 0 && counts.ok > 0 ? t('slack.report.allOk') : t('report.counts', counts),
    }),
    sections,
    buttons: [{ actionId: RERUN_DIAGNOSIS_ACTION, label: t('slack.button.rerun'), value: options.playbook }],
    context: [
      t('slack.report.context', {
        ms: diagnosis.durationMs,
        time: clockTime(diagnosis.startedAt, options.timeZone, locale),
        user: options.requestedBy,
      }),
    ],
  };
}

/** One check result as a report line: title, target, measured value against its threshold, detail. */
export function resultLine(result: CheckResult, locale: Locale): MessageLine {
  const title = translate(locale, result.title);
  const detail = translate(locale, result.detail);
  // Nothing measured (unreachable, timeout): the detail says why, a lone dash would only add noise.
  if (result.value === null) {
    return {
      status: result.status,
      text: translate(locale, msg('slack.report.lineNoValue', { title, target: result.target, detail })),
    };
  }
  const value = formatValue(result.value, result.unit, locale);
  const threshold = formatThreshold(result.threshold, locale);
  return {
    status: result.status,
    text: translate(
      locale,
      msg('slack.report.line', {
        title,
        target: result.target,
        value: threshold ? `${value} (${threshold})` : value,
        detail,
      }),
    ),
  };
}

function clockTime(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}
