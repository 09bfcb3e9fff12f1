import type { CheckStatus } from '../../checks/check.js';
import type { EffectiveRule } from '../../core/remediation/approval-rules.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { ChatMessage, MessageLine, MessageSection } from '../../render/message-model.js';

/** Routes a click on Approve; the button's value is the request id and nothing else. */
export const APPROVE_REMEDIATION_ACTION = 'sama.remediation.approve';
/** Routes a click on Reject; same value. */
export const REJECT_REMEDIATION_ACTION = 'sama.remediation.reject';

/** Where the request stands, as its message shows it. */
export type RequestStage =
  | { kind: 'requested' }
  | { kind: 'running' }
  | {
      kind: 'finished';
      ok: boolean;
      durationMs: number;
      summary: string;
      /** Capped and scrubbed already. */
      excerpt: string;
      verify: { text: string; status: CheckStatus }[];
    }
  | { kind: 'expired'; minutes: number }
  | { kind: 'rejected'; by: string };

/** What the message needs besides the request. */
export interface RequestView {
  locale: Locale;
  timeZone: string;
  rule: EffectiveRule;
  approvedBy: readonly string[];
  /** A person's display name from their Slack id. */
  nameOf(userId: string): string;
  stage: RequestStage;
}

/** The request's one message in the channel, from "waiting for approval" to its outcome. */
export function requestMessage(request: StoredRequest, view: RequestView): ChatMessage {
  const t = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    translate(view.locale, msg(key, params));
  const time = new Intl.DateTimeFormat(view.locale, {
    timeZone: view.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(request.expiresAt);
  const ruleLine = t('remediation.request.rule', {
    tier: request.tier,
    needed: view.rule.approvals,
    roles: view.rule.approverRoles.join(', '),
    time,
  });
  const previewLines: MessageLine[] = request.preview.lines.map((line) => ({
    text: translate(view.locale, line),
  }));
  const evidenceKeys = Object.keys(request.evidence);
  if (evidenceKeys.length > 0)
    previewLines.push({ text: t('remediation.request.evidence', { keys: evidenceKeys.join(', ') }) });
  const sections: MessageSection[] = [{ heading: t('remediation.request.preview'), lines: previewLines }];
  const approvers = view.approvedBy.map(view.nameOf).join(', ');
  const message: ChatMessage = {
    title: t('remediation.request.title', { remediation: request.remediation, target: request.targetLabel }),
    summary: ruleLine,
    sections,
    context: [t('remediation.request.context', { user: view.nameOf(request.requester), id: request.id })],
  };
  if (request.maintenanceForced)
    message.context?.push(
      t('remediation.request.maintenanceForced', { roles: view.rule.approverRoles.join(', ') }),
    );
  if (!view.rule.requesterMayApprove) message.context?.push(t('remediation.request.selfNotAllowed'));
  if (approvers) message.context?.push(t('remediation.state.approvedBy', { users: approvers }));
  const stage = view.stage;
  switch (stage.kind) {
    case 'requested':
      message.summary = `${t('remediation.state.requested', { count: view.approvedBy.length, needed: view.rule.approvals })}\n${ruleLine}`;
      message.buttons = [
        {
          actionId: APPROVE_REMEDIATION_ACTION,
          label: t('remediation.button.approve'),
          value: request.id,
          style: request.tier >= 2 ? 'danger' : 'primary',
          // Approving may run it: Slack asks once more, naming what and where.
          confirm: {
            title: t('remediation.confirm.title', { remediation: request.remediation }),
            text: t('remediation.confirm.text', {
              remediation: request.remediation,
              target: request.targetLabel,
              tier: request.tier,
            }),
            confirm: t('remediation.confirm.confirm'),
            deny: t('remediation.confirm.deny'),
          },
        },
        { actionId: REJECT_REMEDIATION_ACTION, label: t('remediation.button.reject'), value: request.id },
      ];
      return message;
    case 'running':
      message.summary = t('remediation.state.running');
      message.status = 'warn';
      return message;
    case 'finished': {
      message.status = stage.ok ? 'ok' : 'fail';
      message.summary = `${t(stage.ok ? 'remediation.state.succeeded' : 'remediation.state.failed', { ms: stage.durationMs })} — ${stage.summary}`;
      sections.push({
        heading: t('remediation.outcome.verify'),
        lines:
          stage.verify.length > 0
            ? stage.verify.map((line) => ({ text: line.text, status: line.status }))
            : [{ text: t('remediation.verify.none') }],
      });
      if (stage.excerpt)
        sections.push({
          heading: t('remediation.outcome.output'),
          lines: [{ text: `\`\`\`${stage.excerpt}\`\`\`` }],
        });
      return message;
    }
    case 'expired':
      message.summary = t('remediation.state.expired', { minutes: stage.minutes });
      message.status = 'unknown';
      return message;
    case 'rejected':
      message.summary = t('remediation.state.rejected', { user: view.nameOf(stage.by) });
      message.status = 'unknown';
      return message;
  }
}
