import { msg } from '../../i18n/message.js';
import type { Inventory } from '../schema.js';
import type { Finding } from './finding.js';

/** Levels whose ack timeout moves the incident on (N3 has none: it repeats until acknowledged). */
const ESCALATING = ['N1', 'N2'] as const;

/**
 * A notification rule whose delay reaches the level's ack timeout never pages: by then the
 * incident has gone up a level, which cancels the pages not yet sent. A warning, per rule and level.
 */
export function notifyFindings(inventory: Inventory): Finding[] {
  return inventory.team.flatMap((person, index) =>
    (person.notify ?? []).flatMap((rule, ruleIndex): Finding[] => {
      const late = ESCALATING.filter(
        (level) => rule.levels.includes(level) && rule.after >= inventory.escalation.levels[level].ackTimeout,
      );
      if (rule.after === 0 || late.length === 0) return [];
      return [
        {
          severity: 'warning',
          path: ['team', index, 'notify', ruleIndex, 'after'],
          message: msg('config.finding.notifyTooLate', { channel: rule.channel, levels: late.join(', ') }),
        },
      ];
    }),
  );
}
