import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Requests as Slack really sends them, kept in test/fixtures/slack/: slash commands (form fields,
 * `should_escape: true`), `block_actions` payloads (a channel message, an ephemeral one, a DM), and
 * the headers of a retried delivery. `{{name}}` placeholders are filled per test.
 */
const FIXTURES = join('test', 'fixtures', 'slack');

type Values = Record<string, string>;

function load(name: string): Record<string, unknown> {
  const { _comment, ...fixture } = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  return fixture;
}

function fill(value: unknown, values: Values): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  return value;
}

/** The form body of a slash-command fixture, e.g. `slash-oncall-override`. */
export function slashCommandBody(name: string, values: Values): string {
  return new URLSearchParams(fill(load(name), values) as Record<string, string>).toString();
}

/** The slash-command fixture's `text`, exactly as Slack sends it. */
export function slashCommandText(name: string): string {
  return String(load(name).text);
}

/** The form body (`payload=<json>`) of a block_actions fixture, e.g. `block-actions-dm`. */
export function blockActionsBody(name: string, values: Values): string {
  return new URLSearchParams({ payload: JSON.stringify(fill(load(name), values)) }).toString();
}

/** The headers Slack adds to a delivery it retries (`X-Slack-Retry-Num`, `X-Slack-Retry-Reason`). */
export function retriedDeliveryHeaders(): Record<string, string> {
  return load('retried-delivery').headers as Record<string, string>;
}
