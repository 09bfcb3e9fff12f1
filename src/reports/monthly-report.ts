import { failedLoginCounts, pendingUpgrades } from './host-security-sections.js';
import { monthIncidents } from './month-incidents-section.js';
import { humanAccounts, newestBackup } from './monthly-sections.js';
import { reindexCandidates } from './postgres-sections.js';
import type { ReportCollector } from './report-collector.js';
import { monthSlo } from './slo-section.js';
import { tlsExpiry } from './tls-expiry-section.js';

/** Runbook §9.3 monthly review, read-only. */
export const monthlyCollectors: readonly ReportCollector[] = [
  monthIncidents,
  monthSlo,
  tlsExpiry,
  newestBackup,
  reindexCandidates,
  humanAccounts,
  pendingUpgrades,
  failedLoginCounts,
];
