import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findingText } from '../../config/config-error-text.js';
import { describeInventory } from '../../config/describe-inventory.js';
import { inventoryFindings } from '../../config/findings/index.js';
import { inventoryPath, lineFinder, loadInventory } from '../../config/load-inventory.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

/**
 * `samaops check-config [--config FILE]`: validates the inventory, then what a schema cannot see
 * (escalation coverage, approval rules, dangling names), and summarises it with the next report
 * runs. Exit 78 on any error (schema problems via runCli), 1 on warnings only, 0 when clean.
 */
export async function checkConfigCommand(args: string[], io: CliIo, now = new Date()): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } } });
  const file = inventoryPath(values.config, io.env);
  const inventory = loadInventory(file, io.env);
  const { locale } = inventory;
  const findings = inventoryFindings(inventory);
  const lineOf = lineFinder(readFileSync(file, 'utf8'));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const summary = translate(
    locale,
    msg('config.cli.summary', { file, errors, warnings: findings.length - errors }),
  );
  io.stdout.write(`${summary}\n${describeInventory(inventory, locale, now)}\n`);
  for (const finding of findings) io.stderr.write(`${findingText(finding, lineOf(finding.path), locale)}\n`);
  if (errors > 0) return EXIT.config;
  return findings.length > 0 ? EXIT.warn : EXIT.ok;
}
