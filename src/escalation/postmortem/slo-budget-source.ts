/** How much of one SLO's error budget an incident's time consumed. */
export interface SloBudgetUse {
  /** The SLO, as the reader knows it, e.g. `disponibilité api`, `latence p95 db`. */
  slo: string;
  /** Share of the period's error budget spent during the incident, percent (may pass 100). */
  consumedPercent: number;
  /** Share of the period's budget left after it, percent; absent when not known. */
  leftPercent?: number;
  /** The budget's period, e.g. `2026-10`. */
  period: string;
}

/**
 * The port through which a post-mortem learns the SLO budget an incident consumed, from its
 * opening to its resolution (the SLO computation supplies it; the composition root passes it in).
 * Absent, or answering undefined: the draft says "not available".
 */
export type SloBudgetSource = (window: {
  from: number;
  to: number;
}) => Promise<readonly SloBudgetUse[] | undefined>;
