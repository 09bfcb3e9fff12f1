import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage } from '../render/message-model.js';
import type { UploadFile } from '../render/reply-port.js';
import { packThreadReplies } from '../render/thread-replies.js';
import { type ReportMessageOptions, reportParts } from './report-message.js';
import type { Report } from './report-model.js';

/** A report as Slack shows it: one readable message, and every section in full in its thread. */
export interface ReportThread {
  /** Title, summary, threshold crossings and trend; its context line (and overflow notice) points at the thread. */
  main: ChatMessage;
  /** The thread's replies, in order, each within Slack's limits; every section line is in exactly one. Empty without sections. */
  replies: ChatMessage[];
  /** Files shared in the thread after the replies (the weekly and monthly charts). */
  files?: readonly UploadFile[];
}

/** Splits a report into its main message and its thread replies (pure; Slack's limits decide the packing). */
export function reportThread(report: Report, options: ReportMessageOptions): ReportThread {
  const t = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    translate(options.locale, msg(key, params));
  const { summary, details } = reportParts(report, options);
  const replies = packThreadReplies(details, {
    title: (index, total) => t('slack.reportThread.title', { title: summary.title, index, total }),
    continued: (heading) => t('slack.reportThread.continued', { heading }),
  });
  if (replies.length === 0) return { main: summary, replies };
  return {
    main: {
      ...summary,
      context: [...(summary.context ?? []), t('slack.reportThread.pointer')],
      overflowNote: t('slack.reportThread.overflow'),
    },
    replies,
  };
}
