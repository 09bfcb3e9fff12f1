import type { ApprovalRefusal, RequestRefusal } from '../../core/remediation/approval-rules.js';
import { type Message, msg } from '../../i18n/message.js';
import type { GuardContext } from './guard-context.js';

/** The words of a refusal, for the person refused. */
export function refusalText(
  context: GuardContext,
  refusal: ApprovalRefusal | RequestRefusal,
  about: { remediation: string; target: string; tier?: number; needed?: number },
): Message {
  switch (refusal.reason) {
    case 'maintenance':
      return msg('remediation.refused.maintenance', { remediation: about.remediation });
    case 'cooldown':
      return msg('remediation.refused.cooldown', {
        remediation: about.remediation,
        target: about.target,
        time: new Intl.DateTimeFormat(context.inventory.locale, {
          timeZone: context.inventory.timezone,
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }).format(refusal.until),
      });
    case 'hourly-cap':
      return msg('remediation.refused.hourlyCap', { remediation: about.remediation, cap: refusal.cap });
    case 'not-in-team':
      return msg('remediation.refused.notInTeam');
    case 'role':
      return msg('remediation.refused.role', { roles: refusal.roles.join(', ') });
    case 'self-approval':
      return msg('remediation.refused.selfApproval', { tier: about.tier ?? 2 });
    case 'already-approved':
      return msg('remediation.refused.alreadyApproved', { needed: about.needed ?? 2 });
    case 'expired':
      return msg('remediation.refused.expired', {
        minutes: context.inventory.remediations.approvalTtlMinutes,
      });
  }
}
