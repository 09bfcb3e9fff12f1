/** Axis bounds and the values marked on it. */
export interface Axis {
  min: number;
  max: number;
  ticks: number[];
}

/** The step of about `count` intervals over `span`, rounded to 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A value axis covering [low, high] with round ticks (0, 20, 40…), widened to the ticks around
 * them. A flat or empty range gets a unit around its value.
 */
export function valueAxis(low: number, high: number, count = 5): Axis {
  const [a, b] = low === high ? [low - 1, high + 1] : [Math.min(low, high), Math.max(low, high)];
  const step = niceStep(b - a, count);
  // Rounded to the step's decimals: 0.1 + 0.2 must print as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const min = Number((Math.floor(a / step) * step).toFixed(decimals));
  const max = Number((Math.ceil(b / step) * step).toFixed(decimals));
  const ticks: number[] = [];
  for (let value = min; value <= max + step / 2; value += step) ticks.push(Number(value.toFixed(decimals)));
  return { min, max, ticks };
}

const DAY_MS = 86_400_000;

/** Times to label on a time axis from `from` to `to`: whole days (at most `count`), as epoch ms. */
export function timeTicks(from: number, to: number, count = 7): number[] {
  if (!(to > from)) return [from];
  const days = Math.max(1, Math.ceil((to - from) / DAY_MS / count));
  const ticks: number[] = [];
  for (let at = from; at <= to; at += days * DAY_MS) ticks.push(at);
  return ticks;
}
