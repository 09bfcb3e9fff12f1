import type { Inventory, TeamRole } from '../../config/schema.js';
import type { NotifyRule } from '../../config/team-schema.js';

/** Escalation levels, lowest first. */
export const levels = ['N1', 'N2', 'N3'] as const;
/** One escalation level. */
export type Level = (typeof levels)[number];

/** What one level does, durations in milliseconds. */
export interface LevelPolicy {
  roles: readonly TeamRole[];
  ackTimeoutMs: number;
  repeatEveryMs: number;
  resolveWithinMs: number;
}

/** Someone who may be paged, as the inventory had them when the incident opened. */
export interface SnapshotPerson {
  slackId: string;
  name: string;
  roles: readonly TeamRole[];
  availability: Inventory['team'][number]['availability'];
  /** Address of email pages (issue 17; absent from snapshots frozen before it). */
  email?: string;
  /** Number of SMS and voice pages. */
  phone?: string;
  /** The person's notification rules; absent: a Slack DM at once. */
  notify?: readonly NotifyRule[];
}

/**
 * The policy frozen onto an incident when it opens (stored as JSONB): a later inventory change
 * never alters how an open incident escalates.
 */
export interface PolicySnapshot {
  timezone: string;
  levels: Readonly<Record<Level, LevelPolicy>>;
  team: readonly SnapshotPerson[];
}

/** Copies the inventory's escalation policy and team into a frozen snapshot. */
export function snapshotPolicy(inventory: Inventory): PolicySnapshot {
  const level = (name: Level): LevelPolicy => {
    const source = inventory.escalation.levels[name];
    return Object.freeze({
      roles: Object.freeze([...source.roles]),
      ackTimeoutMs: source.ackTimeout,
      repeatEveryMs: source.repeatEvery,
      resolveWithinMs: source.resolveWithin,
    });
  };
  return Object.freeze({
    timezone: inventory.timezone,
    levels: Object.freeze({ N1: level('N1'), N2: level('N2'), N3: level('N3') }),
    team: Object.freeze(
      inventory.team.map((person) =>
        Object.freeze({
          slackId: person.slackId,
          name: person.name,
          roles: Object.freeze([...person.roles]),
          availability: person.availability,
          ...(person.email ? { email: person.email } : {}),
          ...(person.phone ? { phone: person.phone } : {}),
          ...(person.notify ? { notify: Object.freeze(person.notify.map((rule) => ({ ...rule }))) } : {}),
        }),
      ),
    ),
  });
}

/** The level above, or undefined at N3. */
export function nextLevel(level: Level): Level | undefined {
  return levels[levels.indexOf(level) + 1];
}

/** True when the person may act on the incident: they hold a role one of its levels pages. */
export function isInPolicy(
  snapshot: PolicySnapshot,
  slackId: string,
  extraRoles: readonly TeamRole[] = [],
): boolean {
  const paged = new Set(levels.flatMap((level) => snapshot.levels[level].roles));
  const person = snapshot.team.find((member) => member.slackId === slackId);
  return [...(person?.roles ?? []), ...extraRoles].some((role) => paged.has(role));
}
