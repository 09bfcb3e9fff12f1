/** A duration as reports show it: tenths of a millisecond below 10 ms, whole milliseconds above. */
export function roundMs(ms: number): number {
  return ms < 10 ? Math.round(ms * 10) / 10 : Math.round(ms);
}
