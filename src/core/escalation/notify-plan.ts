import type { PageChannelName } from '../../config/notifications-schema.js';
import type { NotifyRule } from '../../config/team-schema.js';
import type { Level, SnapshotPerson } from './policy-snapshot.js';

/** One channel of a person's page and its delay from the page, ms. */
export interface PlannedPage {
  channel: PageChannelName;
  afterMs: number;
}

/** The rules of someone without any: a Slack DM at once (the bot's behaviour before issue 17). */
const SLACK_AT_ONCE: readonly NotifyRule[] = [{ channel: 'slack', after: 0, levels: ['N1', 'N2', 'N3'] }];

/** How `person` is paged at `level`: their rules for that level, in their order. */
export function pagePlan(person: SnapshotPerson | undefined, level: Level): PlannedPage[] {
  const rules = person?.notify ?? SLACK_AT_ONCE;
  return rules
    .filter((rule) => rule.levels.includes(level))
    .map((rule) => ({ channel: rule.channel, afterMs: rule.after }));
}

/** The channels `person` can be reached by, given the channels the bot has configured (Slack always). */
export function reachableChannels(
  person: SnapshotPerson | undefined,
  configured: ReadonlySet<PageChannelName>,
): PageChannelName[] {
  const has = {
    slack: true,
    email: person?.email !== undefined,
    sms: person?.phone !== undefined,
    voice: person?.phone !== undefined,
  } satisfies Record<PageChannelName, boolean>;
  return (['slack', 'email', 'sms', 'voice'] as const).filter(
    (channel) => channel === 'slack' || (has[channel] && configured.has(channel)),
  );
}

/**
 * Where a page goes when its Slack DM cannot: the channels after Slack in the person's plan for
 * the level, or, when Slack is the last (or only) one, every other channel they can be reached by.
 */
export function failoverChannels(
  person: SnapshotPerson | undefined,
  level: Level,
  configured: ReadonlySet<PageChannelName>,
): PageChannelName[] {
  const plan = pagePlan(person, level).map((page) => page.channel);
  const after = plan.slice(plan.indexOf('slack') + 1).filter((channel) => channel !== 'slack');
  if (plan.includes('slack') && after.length > 0) return after;
  return reachableChannels(person, configured).filter((channel) => channel !== 'slack');
}
