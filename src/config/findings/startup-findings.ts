import { readFileSync } from 'node:fs';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { ConfigError, formatPath } from '../config-error.js';
import { lineFinder } from '../load-inventory.js';
import type { Inventory } from '../schema.js';
import { inventoryFindings } from './index.js';

/** A warning of check-config, as the bot's start-up logs it. */
export interface StartupWarning {
  path: string;
  line?: number;
  /** The finding in the inventory's language. */
  text: string;
}

/**
 * Runs check-config's findings when the bot starts: any error stops the start with a ConfigError
 * (exit 78) listing each with its YAML path and line, since the bot would page nobody or never
 * let a remediation run; warnings are returned for the log.
 */
export function checkFindingsAtStartup(inventory: Inventory, file: string): StartupWarning[] {
  const findings = inventoryFindings(inventory);
  if (findings.length === 0) return [];
  const lineOf = lineFinder(readFileSync(file, 'utf8'));
  const located = findings.map((finding) => ({
    finding,
    path: formatPath(finding.path),
    line: lineOf(finding.path),
  }));
  const errors = located.filter(({ finding }) => finding.severity === 'error');
  if (errors.length > 0) {
    throw new ConfigError(
      file,
      errors.map(({ finding, path, line }) => ({
        path,
        message: finding.message,
        ...(line ? { line } : {}),
      })),
      inventory.locale,
      msg('config.cli.fatalFindings', { file, count: errors.length }),
    );
  }
  return located.map(({ finding, path, line }) => ({
    path,
    ...(line ? { line } : {}),
    text: translate(inventory.locale, finding.message),
  }));
}
