/** One line of the benchmark table: what was measured, the figure, and the goal it is held against. */
export interface BenchRow {
  section: string;
  measure: string;
  value: number;
  unit: string;
  /** The goal, e.g. "< 300". Absent when the figure is informative only. */
  goal?: string;
  /** Whether the goal was met; absent without a goal. */
  met?: boolean;
  /** Extra numbers kept in the JSON (p95, max, samples). */
  details?: Record<string, unknown>;
}

/** A bench section: sets up what it needs, measures, cleans up, returns its rows. */
export type BenchSection = () => Promise<BenchRow[]>;

/** A row builder for one section's millisecond figures, rounded to 0.1 ms. */
export function msRows(section: string) {
  return (
    measure: string,
    value: number,
    goal?: string,
    met?: boolean,
    details?: Record<string, unknown>,
  ): BenchRow => ({
    section,
    measure,
    value: Math.round(value * 10) / 10,
    unit: 'ms',
    ...(goal ? { goal, met } : {}),
    ...(details ? { details } : {}),
  });
}
