import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subCommands } from '../../src/handlers/sub-commands/index.js';
import { playbookIds } from '../../src/playbooks/diagnose-playbooks.js';

interface Manifest {
  features: { slash_commands: { command: string; usage_hint: string }[] };
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
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'im:write']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
