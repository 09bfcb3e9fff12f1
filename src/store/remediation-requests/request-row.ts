import type {
  RemediationArgs,
  RemediationId,
  RemediationPreview,
  RiskTier,
} from '../../core/remediation/remediation.js';
import type { RequestState, StoredRequest } from '../../core/remediation/request-state.js';

/** A stored request's row, and how it reads as a StoredRequest and in the audit log. */
export interface RequestRow {
  id: string;
  remediation: RemediationId;
  args: RemediationArgs;
  target_key: string;
  target_label: string;
  tier: number;
  preview: RemediationPreview;
  evidence: Record<string, unknown>;
  requester: string;
  channel: string;
  message_ts: string | null;
  state: RequestState;
  created_at: Date;
  expires_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  outcome: Record<string, unknown> | null;
  maintenance_forced: boolean;
}

export function fromRow(row: RequestRow): StoredRequest {
  return {
    id: row.id,
    remediation: row.remediation,
    args: row.args,
    targetKey: row.target_key,
    targetLabel: row.target_label,
    tier: row.tier as RiskTier,
    preview: row.preview,
    evidence: row.evidence,
    requester: row.requester,
    channel: row.channel,
    messageTs: row.message_ts,
    state: row.state,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    maintenanceForced: row.maintenance_forced,
  };
}

/** What the audit rows say about a request, beside the action. */
export function about(
  request: Pick<StoredRequest, 'remediation' | 'targetLabel' | 'tier'>,
): Record<string, unknown> {
  return { remediation: request.remediation, target: request.targetLabel, tier: request.tier };
}
