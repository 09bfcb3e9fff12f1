import type { CheckStatus } from '../../checks/check.js';
import type { EffectiveRule } from '../../core/remediation/approval-rules.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { ChatMessage, MessageButton, MessageLine, MessageSection } from '../../render/message-model.js';

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

/** A message of the catalogue in the view's language. */
type Translate = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => string;

/** What the stage adds to the request's message: its summary, status, buttons and sections. */
interface StageShow {
  summary: string;
  status?: CheckStatus;
  buttons?: MessageButton[];
  sections?: MessageSection[];
}

/** The request's one message in the channel, from "waiting for approval" to its outcome. */
export function requestMessage(request: StoredRequest, view: RequestView): ChatMessage {
  const t: Translate = (key, params) => translate(view.locale, msg(key, params));
  const ruleLine = ruleLineOf(t, request, view);
  const { summary, status, buttons, sections = [] } = stageShow(t, request, view, ruleLine);
  return {
    title: t('remediation.request.title', { remediation: request.remediation, target: request.targetLabel }),
    summary,
    sections: [previewSection(t, request, view), ...sections],
    context: contextLines(t, request, view),
    ...(status ? { status } : {}),
    ...(buttons ? { buttons } : {}),
  };
}

/** The tier, the approvals needed, by which roles, and until when. */
function ruleLineOf(t: Translate, request: StoredRequest, view: RequestView): string {
  const time = new Intl.DateTimeFormat(view.locale, {
    timeZone: view.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(request.expiresAt);
  return t('remediation.request.rule', {
    tier: request.tier,
    needed: view.rule.approvals,
    roles: view.rule.approverRoles.join(', '),
    time,
  });
}

/** What would be done, and which evidence was kept. */
function previewSection(t: Translate, request: StoredRequest, view: RequestView): MessageSection {
  const lines: MessageLine[] = request.preview.lines.map((line) => ({ text: translate(view.locale, line) }));
  const evidenceKeys = Object.keys(request.evidence);
  if (evidenceKeys.length > 0)
    lines.push({ text: t('remediation.request.evidence', { keys: evidenceKeys.join(', ') }) });
  return { heading: t('remediation.request.preview'), lines };
}

/** Who asked, the request id, a forced maintenance window, self-approval, and who approved so far. */
function contextLines(t: Translate, request: StoredRequest, view: RequestView): string[] {
  const context = [
    t('remediation.request.context', { user: view.nameOf(request.requester), id: request.id }),
  ];
  if (request.maintenanceForced)
    context.push(t('remediation.request.maintenanceForced', { roles: view.rule.approverRoles.join(', ') }));
  if (!view.rule.requesterMayApprove) context.push(t('remediation.request.selfNotAllowed'));
  const approvers = view.approvedBy.map(view.nameOf).join(', ');
  if (approvers) context.push(t('remediation.state.approvedBy', { users: approvers }));
  return context;
}

/** The summary, status, buttons and outcome sections of the request's stage. */
function stageShow(t: Translate, request: StoredRequest, view: RequestView, ruleLine: string): StageShow {
  const stage = view.stage;
  switch (stage.kind) {
    case 'requested':
      return {
        summary: `${t('remediation.state.requested', { count: view.approvedBy.length, needed: view.rule.approvals })}\n${ruleLine}`,
        buttons: decisionButtons(t, request),
      };
    case 'running':
      return { summary: t('remediation.state.running'), status: 'warn' };
    case 'finished':
      return {
        summary: `${t(stage.ok ? 'remediation.state.succeeded' : 'remediation.state.failed', { ms: stage.durationMs })} — ${stage.summary}`,
        status: stage.ok ? 'ok' : 'fail',
        sections: outcomeSections(t, stage),
      };
    case 'expired':
      return { summary: t('remediation.state.expired', { minutes: stage.minutes }), status: 'unknown' };
    case 'rejected':
      return { summary: t('remediation.state.rejected', { user: view.nameOf(stage.by) }), status: 'unknown' };
  }
}

/** Approve (behind a confirmation naming what and where) and Reject; their value is the id only. */
function decisionButtons(t: Translate, request: StoredRequest): MessageButton[] {
  return [
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
}

/** The verifying checks after the run, and the output's excerpt when there is one. */
function outcomeSections(t: Translate, stage: Extract<RequestStage, { kind: 'finished' }>): MessageSection[] {
  const sections: MessageSection[] = [
    {
      heading: t('remediation.outcome.verify'),
      lines:
        stage.verify.length > 0
          ? stage.verify.map((line) => ({ text: line.text, status: line.status }))
          : [{ text: t('remediation.verify.none') }],
    },
  ];
  if (stage.excerpt)
    sections.push({
      heading: t('remediation.outcome.output'),
      lines: [{ text: `\`\`\`${stage.excerpt}\`\`\`` }],
    });
  return sections;
}
