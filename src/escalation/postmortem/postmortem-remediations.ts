import { translate } from '../../i18n/translate.js';
import type { RanRemediation } from '../../store/remediation-requests/requests-in-window.js';
import { mdCodeBlock, mdText } from './markdown-text.js';
import type { DraftContext } from './postmortem-context.js';
import type { PostmortemFacts } from './postmortem-facts.js';
import type { DraftSection } from './postmortem-sections.js';

/** Evidence is kept whole in the audit log; the draft shows its beginning. */
const EVIDENCE_CHARS = 2000;

/** The verifying checks of an outcome, e.g. `api.health samaconso_api_1 : ok`. */
function verification(outcome: Record<string, unknown> | null): string[] {
  const verify = Array.isArray(outcome?.verify) ? (outcome.verify as Record<string, unknown>[]) : [];
  return verify.map((check) => `${String(check.id)} ${String(check.target)}: ${String(check.status)}`);
}

/** One remediation: who asked and approved, when it ran, its audit ids, preview, outcome, verification, evidence. */
function remediationLines({ request, approvals, audit }: RanRemediation, c: DraftContext): string[] {
  const state = c.t(`postmortem.state.${request.state}`);
  const lines = [
    `### ${c.t('postmortem.remediation.heading', { remediation: request.remediation, target: mdText(request.targetLabel), state })}`,
    '',
    `- ${c.t('postmortem.remediation.requested', { who: c.who(request.requester), at: c.at(request.createdAt.getTime()) })}`,
    ...approvals.map(
      (approval) =>
        `- ${c.t('postmortem.remediation.approved', { who: c.who(approval.approver) })} — ${c.at(approval.at.getTime())}`,
    ),
  ];
  if (request.startedAt)
    lines.push(
      `- ${
        request.finishedAt
          ? c.t('postmortem.remediation.ran', {
              from: c.at(request.startedAt.getTime()),
              to: c.at(request.finishedAt.getTime()),
            })
          : c.t('postmortem.remediation.running', { from: c.at(request.startedAt.getTime()) })
      }`,
    );
  const entries = audit.map((entry) => `#${entry.id} ${entry.action}`).join(', ');
  lines.push(`- ${c.t('postmortem.remediation.audit', { entries: entries || '—' })}`);
  if (typeof request.outcome?.summary === 'string')
    lines.push(`- ${c.t('postmortem.remediation.outcome', { summary: mdText(request.outcome.summary) })}`);
  const checks = verification(request.outcome);
  if (checks.length > 0)
    lines.push(`- ${c.t('postmortem.remediation.verify', { checks: checks.map(mdText).join(' ; ') })}`);
  lines.push('', c.t('postmortem.remediation.preview'), '');
  for (const line of request.preview.lines) lines.push(`- ${mdText(translate(c.locale, line))}`);
  const evidence = JSON.stringify(request.evidence, null, 2);
  lines.push(
    '',
    c.t('postmortem.remediation.evidence'),
    '',
    ...mdCodeBlock(evidence.slice(0, EVIDENCE_CHARS), 'json'),
  );
  if (evidence.length > EVIDENCE_CHARS)
    lines.push(c.t('postmortem.remediation.truncated', { chars: EVIDENCE_CHARS }));
  return lines;
}

/** The remediations run while the incident was open, each with its audit ids. */
export function remediationSection(facts: PostmortemFacts, c: DraftContext): DraftSection {
  return {
    heading: c.t('postmortem.heading.remediations'),
    lines:
      facts.remediations.length === 0
        ? [c.t('postmortem.remediations.none')]
        : facts.remediations.flatMap((remediation, index) => [
            ...(index > 0 ? [''] : []),
            ...remediationLines(remediation, c),
          ]),
  };
}
