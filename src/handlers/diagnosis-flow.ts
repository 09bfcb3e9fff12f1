import { buildChecks } from '../checks/build-checks.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { diagnosePlaybooks, type PlaybookId } from '../playbooks/diagnose-playbooks.js';
import { diagnosisMessage } from '../playbooks/diagnosis-message.js';
import type { HandlerServices, Invocation } from './handler-context.js';

/**
 * Posts "diagnostic en cours…" at once, runs the playbook's checks concurrently (each bounded by
 * its timeout), then replaces that message with the report (chat.update in Slack).
 */
export async function runDiagnosisFlow(
  invocation: Invocation,
  services: HandlerServices,
  playbook: PlaybookId,
): Promise<void> {
  const { inventory, metrics, diagnoses } = services;
  const locale = inventory.locale;
  const checks = buildChecks(diagnosePlaybooks[playbook].checks, inventory);
  const playbookTitle = diagnosePlaybooks[playbook].title[locale];
  const running = await invocation.replies.postMessage({
    title: translate(
      locale,
      msg('slack.report.title', { platform: inventory.platform, playbook: playbookTitle }),
    ),
    summary: translate(
      locale,
      msg('slack.diagnose.running', { playbook: playbookTitle, count: checks.length }),
    ),
    sections: [],
  });
  const diagnosis = await diagnoses.run(playbook);
  metrics.diagnosisDone(diagnosis);
  await invocation.replies.updateMessage(
    running,
    diagnosisMessage(diagnosis, {
      locale,
      platform: inventory.platform,
      playbook,
      timeZone: inventory.timezone,
      requestedBy: displayName(services, invocation.userId),
    }),
  );
}

/** The person's name from the team, or their id: a report names who asked, it does not notify them again. */
export function displayName(services: HandlerServices, userId: string): string {
  return services.inventory.team.find((person) => person.slackId === userId)?.name ?? userId;
}
