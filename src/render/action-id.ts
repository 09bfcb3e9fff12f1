/**
 * Slack refuses an `actions` block whose elements share an `action_id`
 * (https://docs.slack.dev/reference/block-kit/block-elements/button-element: "unique among all
 * other action_ids in the containing block"). Buttons of one kind therefore carry their base id
 * and a suffix (`sama.remediation.suggest:2`), and presses are routed by the base.
 */

/** The separator between a base action id and its suffix. */
const SUFFIX = ':';

/** `base` with a suffix that tells apart buttons of one kind, e.g. `sama.remediation.suggest:2`. */
export function suffixedActionId(base: string, suffix: string | number): string {
  return `${base}${SUFFIX}${suffix}`;
}

/** True when `actionId` is `base` itself or `base` with a suffix. */
export function isActionOf(base: string, actionId: string): boolean {
  return actionId === base || actionId.startsWith(`${base}${SUFFIX}`);
}
