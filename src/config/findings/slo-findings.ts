import { msg } from '../../i18n/message.js';
import type { Inventory } from '../schema.js';
import type { Finding } from './finding.js';

/**
 * The SLOs are computed from the watch's runs, one a minute: with the watch off every minute is
 * unknown, and with runs further apart than a minute the minutes between them are (warnings:
 * the bot works, its SLO figures would not mean what they say).
 */
export function sloFindings(inventory: Inventory): Finding[] {
  if (inventory.slo.services.length === 0) return [];
  const { watch } = inventory.escalation;
  if (watch.playbook === 'off')
    return [
      {
        severity: 'warning',
        path: ['escalation', 'watch', 'playbook'],
        message: msg('config.finding.sloWatchOff'),
      },
    ];
  if (watch.every > 60_000)
    return [
      {
        severity: 'warning',
        path: ['escalation', 'watch', 'every'],
        message: msg('config.finding.sloWatchSparse', { seconds: watch.every / 1000 }),
      },
    ];
  return [];
}
