import type { Inventory } from '../config/schema.js';

/** Why someone may not act: the channel is not one of the bot's, or the person is not in the team. */
export type Refusal = { reason: 'channel'; channels: readonly string[] } | { reason: 'user' };

/** Decides who may act where; checked before anything runs. */
export interface AccessPolicy {
  /** Null when allowed. */
  refusalFor(userId: string, channelId: string): Refusal | null;
}

/**
 * The inventory's rule: only in `slack.channels` (when the list is non-empty) and only people
 * listed in `team`. An empty team lets nobody act in Slack: an unconfigured bot must not
 * run commands for a whole workspace.
 */
export function inventoryAccessPolicy(inventory: Inventory): AccessPolicy {
  const channels = inventory.slack.channels;
  const team = new Set(inventory.team.map((person) => person.slackId));
  return {
    refusalFor(userId, channelId) {
      if (channels.length > 0 && !channels.includes(channelId)) return { reason: 'channel', channels };
      if (!team.has(userId)) return { reason: 'user' };
      return null;
    },
  };
}

/** The console's rule: the one operator at the keyboard, chosen at start-up, may act. */
export function consoleAccessPolicy(operatorId: string): AccessPolicy {
  return { refusalFor: (userId) => (userId === operatorId ? null : { reason: 'user' }) };
}
