/** Milliseconds per unit; `j` (jours) is `d` for French speakers, `min` is `m`. */
const UNIT_MS = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  j: 86_400_000,
} as const;

/** A unit of the duration grammar. */
export type DurationUnit = keyof typeof UNIT_MS;

const GRAMMAR = /^(\d{1,9})(ms|s|min|m|h|d|j)?$/;

/**
 * The one duration grammar of the bot (inventory, commands, remediation arguments): a whole
 * number and a unit, `500ms`, `30s`, `15m` (or `15min`), `4h`, `2d` (or `2j`), case-insensitive.
 * A bare number is read in `bareUnit`, and refused without one. Null when unreadable; each caller
 * applies its own bounds.
 */
export function readDurationMs(text: string, bareUnit?: DurationUnit): number | null {
  const match = GRAMMAR.exec(text.trim().toLowerCase());
  if (!match) return null;
  const unit = (match[2] as DurationUnit | undefined) ?? bareUnit;
  return unit === undefined ? null : Number(match[1]) * UNIT_MS[unit];
}
