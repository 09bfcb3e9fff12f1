import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subCommands } from '../../src/handlers/sub-commands/index.js';
import { personOf } from '../../src/handlers/sub-commands/oncall-command.js';
import { playbookIds } from '../../src/playbooks/diagnose-playbooks.js';
import { unescapeCommandText } from '../../src/slack/command-text.js';
import { METHOD_SCOPES } from './double/slack-scopes.js';
import { slashCommandText } from './slack-fixtures.js';

interface Manifest {
  features: { slash_commands: { command: string; usage_hint: string; should_escape: boolean }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('declares /sama with a usage hint naming every sub-command and playbook', () => {
    const [sama, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(sama?.command).toBe('/sama');
    for (const command of subCommands) expect(sama?.usage_hint).toContain(command.name);
    for (const playbook of playbookIds) expect(sama?.usage_hint).toContain(playbook);
  });

  it('asks for the minimal bot scopes, with interactivity and Socket Mode on', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'chat:write',
      'commands',
      'files:write',
      'im:write',
      'users:read',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('the manifest and the parsers agree', () => {
  it('should_escape is true: Slack sends people as <@U…|name>, which is what the parsers read', () => {
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
    const sent = slashCommandText('slash-oncall-override');
    expect(sent).toBe('oncall override <@U024BE7LH|jean> support_n1 8h');
    const words = unescapeCommandText(sent).split(/\s+/);
    expect(words).toEqual(['oncall', 'override', '@U024BE7LH', 'support_n1', '8h']);
    expect(personOf(words[2] ?? '')).toBe('U024BE7LH');
    // What Slack would send with should_escape: false names nobody the bot can page.
    expect(personOf('@jean')).toBeUndefined();
  });

  it('channels, links, special mentions and entities are plain text once unescaped', () => {
    expect(unescapeCommandText(slashCommandText('slash-incident-escaped'))).toBe(
      'incident open N2 API & DB <lentes> vues dans #samaconso-prod, cc ops@senelec.sn @channel',
    );
  });
});

/** The Web API methods src/ calls through a WebClient (filesUploadV2 is the two upload methods). */
function methodsCalled(dir = 'src'): Set<string> {
  const called = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const method of methodsCalled(path)) called.add(method);
      continue;
    }
    if (!entry.name.endsWith('.ts')) continue;
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/client(?:\(\))?\.(chat|conversations|users|files)\.(\w+)\(/g))
      called.add(`${match[1]}.${match[2]}`);
    if (/client(?:\(\))?\.filesUploadV2\(/.test(source)) {
      called.add('files.getUploadURLExternal');
      called.add('files.completeUploadExternal');
    }
  }
  return called;
}

describe('the manifest and the Web API calls agree', () => {
  it('asks for the scope of every method the code calls, and for no scope nothing needs', () => {
    const called = [...methodsCalled()].sort();
    expect(called).toEqual([
      'chat.postMessage',
      'chat.update',
      'conversations.open',
      'files.completeUploadExternal',
      'files.getUploadURLExternal',
      'users.info',
    ]);
    const scopes = manifest.oauth_config.scopes.bot;
    const needed = new Set(called.map((method) => METHOD_SCOPES[method]));
    for (const method of called) expect(scopes, method).toContain(METHOD_SCOPES[method]);
    // `commands` is /sama itself; every other scope is one a called method needs.
    expect(scopes.filter((scope) => scope !== 'commands' && !needed.has(scope))).toEqual([]);
  });
});
