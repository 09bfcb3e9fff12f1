import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadInventory, parseInventory } from '../../src/config/load-inventory.js';
import { formatParam } from '../../src/i18n/translate.js';

const FINGERPRINT = `SHA256:${'A'.repeat(43)}`;

function problemLocaleOf(yaml: string, env: NodeJS.ProcessEnv) {
  try {
    parseInventory(yaml, '/tmp/inventory.yml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.locale;
  }
  throw new Error('expected the inventory to be refused');
}

function problemsOf(text: string, env: NodeJS.ProcessEnv = {}) {
  try {
    parseInventory(text, '/tmp/inventory.yml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the inventory to be refused');
}

describe('inventory loading', () => {
  it('fills the runbook defaults when the file says nothing', () => {
    const inventory = parseInventory('{}', '/tmp/empty.yml', {});
    expect(inventory.timezone).toBe('Africa/Dakar');
    expect(inventory.locale).toBe('fr');
    expect(inventory.checkTimeoutMs).toBe(3000);
    expect(inventory.thresholds.apiLatencyMs).toEqual({ warn: 500, fail: 1000 });
    expect(inventory.thresholds.dbLatencyMs).toEqual({ warn: 100, fail: 500 });
    expect(inventory.thresholds.diskPercent.warn).toBe(85);
    expect(inventory.thresholds.logErrors.warn).toBe(100);
    expect(inventory.thresholds.cacheHitPercent.warn).toBe(99);
    expect(inventory.thresholds.longQuerySeconds).toBe(300);
  });

  it('resolves ${ENV} references and *File secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samaops-inv-'));
    writeFileSync(
      join(dir, 'key'),
      '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n',
    );
    writeFileSync(join(dir, 'redis-url'), 'redis://:s3cret@10.0.0.3:6379\n');
    const file = join(dir, 'inv.yml');
    writeFileSync(
      file,
      [
        'servers:',
        '  - { name: db, role: db, host: 10.0.0.1, user: samaops, privateKeyFile: key, hostKeyFingerprint: "' +
          FINGERPRINT +
          '" }',
        'services:',
        '  postgres: { url: "postgresql://samaconso_user:${PG_PASSWORD}@10.0.0.1:6432/samaconso" }',
        '  redis: { urlFile: redis-url }',
      ].join('\n'),
    );
    const inventory = loadInventory(file, { PG_PASSWORD: 'pw' });
    expect(inventory.services.postgres?.url).toBe('postgresql://samaconso_user:pw@10.0.0.1:6432/samaconso');
    expect(inventory.services.redis?.url).toBe('redis://:s3cret@10.0.0.3:6379');
    expect(inventory.servers[0]?.privateKey).toContain('BEGIN OPENSSH PRIVATE KEY');
    expect(inventory.servers[0]?.port).toBe(22);
  });

  it('reports every problem with its YAML path and line, and never the secret values', () => {
    const problems = problemsOf(
      [
        'locale: wolof',
        'checkTimeoutMs: 10',
        'servers:',
        '  - name: "api; rm -rf /"',
        '    role: api',
        '    host: 10.0.0.2',
        '    user: samaops',
        '    containers: ["x; touch /tmp/pwned"]',
        '    mountPoints: ["/data/$(reboot)"]',
        'services:',
        '  redis: { url: "redis://:${MISSING_SECRET}@h:6379" }',
        '  postgres: { url: "mysql://root:hunter2@db" }',
        '  colour: blue',
      ].join('\n'),
    );
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'locale',
        'checkTimeoutMs',
        'servers[0].name',
        'servers[0].containers[0]',
        'servers[0].mountPoints[0]',
        'servers[0].hostKeyFingerprint',
        'servers[0].privateKeyFile',
        'services.redis.url',
        'services.postgres.url',
        'services.colour',
      ]),
    );
    expect(problems.find((p) => p.path === 'locale')?.line).toBe(1);
    expect(problems.find((p) => p.path === 'servers[0].containers[0]')?.line).toBe(8);
    const redisProblem = problems.find((p) => p.path === 'services.redis.url');
    expect(redisProblem && formatParam(redisProblem.message, 'en')).toContain('MISSING_SECRET is not set');
    expect(redisProblem && formatParam(redisProblem.message, 'fr')).toContain(
      'MISSING_SECRET n’est pas définie',
    );
    const hostKey = problems.find((p) => p.path === 'servers[0].hostKeyFingerprint');
    expect(hostKey?.hint && formatParam(hostKey.hint, 'fr')).toContain('ssh-keygen -lf');
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('refuses YAML that does not parse, with the line', () => {
    const problems = problemsOf('servers:\n  - name: [unclosed\n');
    expect(problems[0]?.path).toBe('(yaml)');
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it('lets SAMAOPS_LOCALE override the inventory’s language, and refuses any other value', () => {
    expect(parseInventory('locale: fr', '/tmp/inventory.yml', { SAMAOPS_LOCALE: 'en' }).locale).toBe('en');
    expect(parseInventory('locale: en', '/tmp/inventory.yml', { SAMAOPS_LOCALE: 'fr' }).locale).toBe('fr');
    expect(parseInventory('locale: en', '/tmp/inventory.yml', { SAMAOPS_LOCALE: '' }).locale).toBe('en');
    const problems = problemsOf('locale: en', { SAMAOPS_LOCALE: 'wolof' });
    expect(problems.map((problem) => problem.path)).toEqual(['SAMAOPS_LOCALE']);
  });

  it('tells its problems in the inventory’s language, or SAMAOPS_LOCALE’s', () => {
    const texts = (yaml: string, env: NodeJS.ProcessEnv = {}) =>
      problemsOf(yaml, env).map((problem) => formatParam(problem.message, problemLocaleOf(yaml, env)));
    expect(texts('locale: en\ncheckTimeoutMs: "x"')).toEqual([expect.stringContaining('expected number')]);
    expect(texts('checkTimeoutMs: "x"')).toEqual([expect.stringContaining('nombre attendu')]);
    expect(texts('locale: en\ncolour: blue', { SAMAOPS_LOCALE: 'fr' })).toEqual(['clé inconnue "colour"']);
  });

  it('says what a duration should look like in the reader’s language', () => {
    const texts = (yaml: string, env: NodeJS.ProcessEnv = {}) =>
      problemsOf(yaml, env).map((problem) => formatParam(problem.message, problemLocaleOf(yaml, env)));
    const yaml = 'escalation:\n  levels:\n    N1: { ackTimeout: bientôt, repeatEvery: 50ms }\n';
    expect(texts(yaml)).toEqual(['une durée comme 90s, 5m, 2h ou 1j', 'au moins 100 ms']);
    expect(texts(yaml, { SAMAOPS_LOCALE: 'en' })).toEqual([
      'a duration such as 90s, 5m, 2h or 1d',
      'at least 100 ms',
    ]);
  });

  it('names a missing file', () => {
    expect(() => loadInventory('/nonexistent/samaops.yml', {})).toThrow(ConfigError);
  });
});
