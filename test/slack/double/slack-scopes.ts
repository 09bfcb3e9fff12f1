import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The bot-token scope each method needs (the "Scopes" fact of its page under
 * https://docs.slack.dev/reference/methods/): chat.postMessage, chat.update and
 * chat.postEphemeral `chat:write`; conversations.open `im:write` (a DM); users.info `users:read`;
 * files.getUploadURLExternal and files.completeUploadExternal `files:write`. auth.test and
 * apps.connections.open (app token) need none.
 */
export const METHOD_SCOPES: Readonly<Record<string, string>> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};

/** The bot scopes manifest.yml asks for: what the installed app's token holds. */
export function manifestScopes(path = 'manifest.yml'): string[] {
  const manifest = parse(readFileSync(path, 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
  return manifest.oauth_config.scopes.bot;
}

/**
 * Slack's answer to a method whose scope the token lacks: `missing_scope`, with the scope
 * `needed` and those `provided` (the fields every response type of @slack/web-api declares for
 * it, e.g. FilesGetUploadURLExternalResponse); undefined when granted.
 */
export function missingScope(
  method: string,
  granted: readonly string[],
): Record<string, unknown> | undefined {
  const needed = METHOD_SCOPES[method];
  if (needed === undefined || granted.includes(needed)) return undefined;
  return { ok: false, error: 'missing_scope', needed, provided: granted.join(',') };
}
