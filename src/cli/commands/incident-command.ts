import { parseArgs } from 'node:util';
import { sloPorts } from '../../app/slo-ports.js';
import { inventoryPath, loadInventory } from '../../config/load-inventory.js';
import { postmortemFacts } from '../../escalation/postmortem/postmortem-facts.js';
import { postmortemMarkdown } from '../../escalation/postmortem/postmortem-markdown.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { createLogger } from '../../logging/logger.js';
import { createBotDatabase } from '../../store/bot-database.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

/**
 * `samaops incident postmortem ID [--config FILE]`: prints the incident's post-mortem draft in
 * Markdown, in the inventory's language, from the bot's database (DATABASE_URL): the same draft
 * `/sama incident postmortem ID` shares in Slack. Exits 2 for an incident that does not exist.
 */
export async function incidentCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { config: { type: 'string' } },
  });
  const [verb, given, ...rest] = positionals;
  const id = /^#?(\d{1,12})$/.exec(given ?? '')?.[1];
  if (verb !== 'postmortem' || id === undefined || rest.length > 0)
    throw new UsageError(msg('cli.error.incidentArgs'));
  const inventory = loadInventory(inventoryPath(values.config, io.env), io.env);
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    translate(inventory.locale, msg(key, params));
  const url = io.env.DATABASE_URL;
  if (!url) {
    io.stderr.write(`${t('cli.incident.noDatabase')}\n`);
    return EXIT.config;
  }
  const pool = createBotDatabase(url, createLogger({ level: io.env.LOG_LEVEL ?? 'warn' }), { max: 2 });
  try {
    const facts = await postmortemFacts(pool, Number(id), { slo: sloPorts(pool, inventory)?.budget });
    if (!facts) {
      io.stderr.write(`${t('cli.incident.notFound', { id })}\n`);
      return EXIT.fail;
    }
    io.stdout.write(postmortemMarkdown(facts, inventory.locale));
    return EXIT.ok;
  } finally {
    await pool.end();
  }
}
