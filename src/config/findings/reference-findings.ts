import { msg } from '../../i18n/message.js';
import type { Inventory } from '../schema.js';
import type { Finding } from './finding.js';

/**
 * Names that point elsewhere in the inventory must exist: servers named by reports and scaling
 * (error: the job would act on nothing), channels the bot posts to outside `slack.channels`
 * (warning: it answers commands only there), and each Slack user listed once in `team`.
 */
export function referenceFindings(inventory: Inventory): Finding[] {
  const servers = new Set(inventory.servers.map((server) => server.name));
  const known = [...servers].join(', ') || '—';
  const serverRefs: { path: (string | number)[]; name: string | undefined }[] = [
    ...inventory.reports.backups.map((backup, index) => ({
      path: ['reports', 'backups', index, 'server'],
      name: backup.server,
    })),
    ...inventory.reports.gzipLogsOn.map((name, index) => ({ path: ['reports', 'gzipLogsOn', index], name })),
    ...inventory.reports.pruneImagesOn.map((name, index) => ({
      path: ['reports', 'pruneImagesOn', index],
      name,
    })),
    ...inventory.remediationTargets.scalable.map((entry, index) => ({
      path: ['remediationTargets', 'scalable', index, 'server'],
      name: entry.server,
    })),
  ];
  const findings: Finding[] = serverRefs
    .filter(
      (ref): ref is { path: (string | number)[]; name: string } =>
        ref.name !== undefined && !servers.has(ref.name),
    )
    .map((ref) => ({
      severity: 'error',
      path: ref.path,
      message: msg('config.server.unknown', { server: ref.name, known }),
    }));

  const channels = inventory.slack.channels;
  const postedTo: [(string | number)[], string | undefined][] = [
    [['escalation', 'channel'], inventory.escalation.channel],
    [['reports', 'channel'], inventory.reports.channel],
  ];
  for (const [path, channel] of postedTo) {
    if (channel !== undefined && channels.length > 0 && !channels.includes(channel)) {
      findings.push({
        severity: 'warning',
        path,
        message: msg('config.finding.channel', { channel, known: channels.join(', ') }),
      });
    }
  }

  const seen = new Set<string>();
  inventory.team.forEach((person, index) => {
    if (seen.has(person.slackId)) {
      findings.push({
        severity: 'error',
        path: ['team', index, 'slackId'],
        message: msg('config.finding.duplicatePerson', { slackId: person.slackId }),
      });
    }
    seen.add(person.slackId);
  });
  return findings;
}
