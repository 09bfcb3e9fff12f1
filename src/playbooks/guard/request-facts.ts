import type {
  Remediation,
  RemediationArgs,
  RemediationContext,
  RemediationPreview,
} from '../../core/remediation/remediation.js';
import type { Message } from '../../i18n/message.js';
import { msg } from '../../i18n/message.js';
import { slackChannelLink } from '../../render/slack-text.js';
import type { PendingTwin } from '../../store/remediation-requests/stored-requests.js';
import { RemediationError } from '../remediations/remediation-error.js';
import { type GuardContext, nameOf } from './guard-context.js';
import { scrubEvidence } from './scrub-evidence.js';

/** What a request shows and keeps before anyone approves it. */
export interface RequestFacts {
  preview: RemediationPreview;
  evidence: Record<string, unknown>;
}

/**
 * The preview and the evidence of a request, or the catalogued reason its target cannot be acted
 * on (a table that does not exist, a system catalog, a queue deleted since): the same kind of
 * refusal as a bad argument, never "the command failed".
 */
export async function requestFacts(
  remediation: Remediation,
  context: RemediationContext,
  args: RemediationArgs,
): Promise<{ ok: true; facts: RequestFacts } | { ok: false; problem: Message }> {
  try {
    const preview = await remediation.preview(context, args);
    const evidence = scrubEvidence(await remediation.evidence(context, args));
    return { ok: true, facts: { preview, evidence } };
  } catch (error) {
    if (error instanceof RemediationError && error.code !== 'REMEDIATION_NOT_CONFIGURED')
      return { ok: false, problem: error.reason };
    throw error;
  }
}

/** Where to find the identical request that still waits: its id, who asked, where and when. */
export function pendingTwinReason(context: GuardContext, twin: PendingTwin): Message {
  const time = new Intl.DateTimeFormat(context.inventory.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: context.inventory.timezone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(twin.createdAt);
  return msg('remediation.refused.pendingTwin', {
    id: twin.id,
    user: nameOf(context, twin.requester),
    channel: slackChannelLink(twin.channel),
    time,
  });
}
