import { parseArgs } from 'node:util';
import { inventoryPath, loadInventory } from '../../config/load-inventory.js';
import { msg } from '../../i18n/message.js';
import { createLogger } from '../../logging/logger.js';
import { createPlatformClients } from '../../platform/platform-clients.js';
import { diagnosePlaybooks, isPlaybookId, playbookIds } from '../../playbooks/diagnose-playbooks.js';
import { runPlaybook } from '../../playbooks/run-playbook.js';
import { diagnosisToJson } from '../../render/diagnosis-json.js';
import { renderDiagnosisText } from '../../render/diagnosis-terminal.js';
import type { CliIo } from '../cli-io.js';
import { exitCodeFor } from '../exit-codes.js';
import { terminalProgress } from '../terminal-progress.js';
import { UsageError } from '../usage-error.js';

/** `samaops diagnose [playbook] [--json] [--config FILE]`: runs a playbook and prints its report. */
export async function diagnoseCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, config: { type: 'string' } },
  });
  if (positionals.length > 1)
    throw new UsageError(msg('cli.error.onePlaybook', { valid: playbookIds.join(', ') }));
  const playbook = positionals[0] ?? 'all';
  if (!isPlaybookId(playbook))
    throw new UsageError(
      msg('cli.error.unknownPlaybook', { playbook: playbook.slice(0, 40), valid: playbookIds.join(', ') }),
    );

  const inventory = loadInventory(inventoryPath(values.config, io.env), io.env);
  const logger = createLogger({ level: io.env.LOG_LEVEL ?? 'warn' });
  const clients = createPlatformClients(inventory, logger);
  const locale = inventory.locale;
  // Progress goes to a terminal's stderr, never into JSON or a pipe.
  const progress = values.json ? undefined : terminalProgress(io.stderr, locale);
  try {
    const diagnosis = await runPlaybook(playbook, { inventory, clients }, { progress });
    progress?.stop();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(diagnosisToJson(diagnosis, locale, playbook), null, 2)}\n`);
    } else {
      io.stdout.write(
        renderDiagnosisText(diagnosis, {
          locale,
          colour: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
          platform: inventory.platform,
          playbookTitle: diagnosePlaybooks[playbook].title[locale],
        }),
      );
    }
    return exitCodeFor(diagnosis.status);
  } finally {
    progress?.stop();
    await clients.close();
  }
}
