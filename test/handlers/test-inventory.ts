import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseInventory } from '../../src/config/load-inventory.js';
import type { Inventory } from '../../src/config/schema.js';

/** The team member every test acts as, and the channel the bot answers in. */
export const TEST_USER = 'UTESTOPS1';
export const TEST_CHANNEL = 'CSAMAPROD1';

/**
 * A team every escalation level and approval rule can reach, with TEST_USER as its DevOps: what a
 * bot started through `samaops serve` needs, since check-config's errors stop its start.
 */
export const REACHABLE_TEAM = [
  { slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] },
  { slackId: 'UTESTN1001', name: 'Moussa Diop', roles: ['support_n1'] },
  { slackId: 'UTESTLEAD1', name: 'Fatou Sarr', roles: ['lead', 'architect'] },
];

/**
 * config/local.yml (this machine's PostgreSQL, Redis, RabbitMQ) plus a team and a channel,
 * with optional overrides (e.g. a black-holed service). Returns the parsed inventory and a temp
 * file holding it, for child processes; `remove()` deletes the file.
 */
export function testInventory(overrides: Record<string, unknown> = {}): {
  inventory: Inventory;
  file: string;
  remove(): void;
} {
  const base = parse(readFileSync('config/local.yml', 'utf8')) as Record<string, unknown>;
  const content = {
    ...base,
    team: [{ slackId: TEST_USER, name: 'Awa Ndiaye', roles: ['devops'] }],
    slack: { channels: [TEST_CHANNEL] },
    ...overrides,
  };
  const text = stringify(content);
  const file = join(tmpdir(), `samaops-test-${randomUUID()}.yml`);
  writeFileSync(file, text);
  return {
    inventory: parseInventory(text, file),
    file,
    remove: () => rmSync(file, { force: true }),
  };
}
