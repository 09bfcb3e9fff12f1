import type { AuditEntry } from './audit-entry.js';

/** One entry on one line, for the terminal and Slack: id, time, who, what, on which request and target. */
export function auditLine(entry: AuditEntry): string {
  const target = typeof entry.detail.target === 'string' ? ` ${entry.detail.target}` : '';
  const remediation = typeof entry.detail.remediation === 'string' ? ` ${entry.detail.remediation}` : '';
  const request = entry.requestId ? ` [${entry.requestId.slice(0, 8)}]` : '';
  return `#${entry.id} ${entry.at.slice(0, 19).replace('T', ' ')}Z ${entry.actor} ${entry.action}${remediation}${target}${request}`;
}
