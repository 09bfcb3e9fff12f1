import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory, parseInventory } from '../../src/config/load-inventory.js';

describe('shipped inventories', () => {
  it('config/samaops.example.yml describes the runbook platform once its secrets are provided', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samaops-example-'));
    writeFileSync(join(dir, 'id_ed25519'), 'key');
    writeFileSync(join(dir, 'flower-password'), 'flower');
    writeFileSync(join(dir, 'smtp-password'), 'smtp');
    const text = readFileSync('config/samaops.example.yml', 'utf8').replaceAll('/etc/samaops/', `${dir}/`);
    const inventory = parseInventory(text, join(dir, 'samaops.yml'), {
      SAMACONSO_DB_PASSWORD: 'pw',
      RABBITMQ_USER: 'u',
      RABBITMQ_PASSWORD: 'p',
      SMS_GATEWAY_TOKEN: 't',
    });
    expect(inventory.servers.map((server) => server.name)).toEqual(['db', 'api', 'workers']);
    expect(inventory.services.api.map((api) => api.name)).toEqual(['samaconso_api_1', 'samaconso_api_2']);
    expect(inventory.services.rabbitmq?.queues).toEqual([
      'urgent',
      'high_priority',
      'normal',
      'low_priority',
    ]);
    expect(inventory.services.flower?.password).toBe('flower');
    expect(inventory.team.map((person) => person.roles[0])).toContain('support_n1');
    expect(inventory.notifications.email?.password).toBe('smtp');
    expect(inventory.team.find((person) => person.roles.includes('devops'))?.notify?.at(-1)).toEqual({
      channel: 'sms',
      after: 300_000,
      levels: ['N1', 'N2', 'N3'],
    });
  });

  it('config/samaops.example.yml without its environment names each missing variable', () => {
    expect(() => loadInventory('config/samaops.example.yml', {})).toThrow(/problem/);
  });

  it('config/local.yml points at this machine and validates as is', () => {
    const inventory = loadInventory('config/local.yml', {});
    expect(inventory.services.postgres?.url).toContain('127.0.0.1');
    expect(inventory.servers).toEqual([]);
  });
});
