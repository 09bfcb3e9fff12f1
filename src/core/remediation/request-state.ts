import type { RemediationArgs, RemediationId, RemediationPreview, RiskTier } from './remediation.js';

/** Where a stored request is: requested → approved → running → succeeded | failed; or expired | rejected. */
export type RequestState =
  | 'requested'
  | 'approved'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'expired'
  | 'rejected';

/** A stored remediation request, as the guard reads it back. */
export interface StoredRequest {
  id: string;
  remediation: RemediationId;
  args: RemediationArgs;
  targetKey: string;
  targetLabel: string;
  tier: RiskTier;
  preview: RemediationPreview;
  evidence: Record<string, unknown>;
  requester: string;
  channel: string;
  messageTs: string | null;
  state: RequestState;
  createdAt: Date;
  expiresAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  outcome: Record<string, unknown> | null;
  /** Requested during a maintenance window its rule does not allow: only the override roles approve. */
  maintenanceForced: boolean;
}

/** Whether nothing can happen to the request any more. */
export function isFinal(state: RequestState): boolean {
  switch (state) {
    case 'succeeded':
    case 'failed':
    case 'expired':
    case 'rejected':
      return true;
    case 'requested':
    case 'approved':
    case 'running':
      return false;
  }
}
