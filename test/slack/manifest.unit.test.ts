import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subCommands } from '../../src/handlers/sub-commands/index.js';
import { personOf } from '../../src/handlers/sub-commands/oncall-command.js';
import { playbookIds } from '../../src/playbooks/diagnose-playbooks.js';
import { unescapeCommandText } from '../../src/slack/command-text.js';
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
