import { afterAll, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { failedLoginsLine } from '../../src/reports/host-security-sections.js';
import type { ReportCollector } from '../../src/reports/report-collector.js';
import type { ReportLine } from '../../src/reports/report-model.js';
import { tlsExpiryLine } from '../../src/reports/tls-expiry-section.js';

/** What the report says when a section could not finish: the catalogue's words, in both languages. */

const inventory = parseInventory('platform: Test\n', 'inline.yml');
const clients = createPlatformClients(inventory, silentLogger());

afterAll(async () => {
  await clients.close();
});

/** A collector that ends only when its signal is aborted, rejecting with the signal's reason. */
const hanging: ReportCollector = {
  id: 'hanging',
  title: msg('report.section.tlsExpiry'),
  collect: ({ signal }) =>
    new Promise((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }),
};

const both = (line: ReportLine | undefined) =>
  line ? [translate('fr', line.text), translate('en', line.text)] : [];

describe('report texts', () => {
  it('say a section passed its deadline in the reader’s language', async () => {
    const report = await collectReport('monthly', [hanging], { inventory, clients }, { timeoutMs: 50 });
    const line = report.sections[0]?.lines[0];
    expect(line?.text).toEqual(msg('report.overrun', { ms: 50 }));
    expect(both(line)).toEqual([
      'inconnu : pas fini dans le délai de la section (50 ms)',
      'unknown: not finished within the section’s deadline (50 ms)',
    ]);
  });

  it('say a section was interrupted by the bot stopping', async () => {
    const stopping = new AbortController();
    stopping.abort();
    const report = await collectReport(
      'monthly',
      [hanging],
      { inventory, clients },
      { signal: stopping.signal, timeoutMs: 60_000 },
    );
    expect(report.sections[0]?.lines[0]?.text).toEqual(msg('report.interrupted'));
  });

  it('say grep’s exit code when it ended without a word, and grep’s words otherwise', () => {
    const silent = failedLoginsLine('db', { code: 2, stdout: '', stderr: '' }, '/var/log/auth.log');
    expect(silent).toMatchObject({ status: 'unknown', value: null });
    expect(both(silent)).toEqual([
      'journal d’authentification illisible : grep a fini avec le code 2',
      'auth log unreadable: grep ended with code 2',
    ]);
    const said = failedLoginsLine(
      'db',
      { code: 2, stdout: '', stderr: 'grep: /var/log/auth.log: Permission denied\n' },
      '/var/log/auth.log',
    );
    expect(said.text).toEqual(
      msg('report.logins.unreadable', { reason: 'grep: /var/log/auth.log: Permission denied' }),
    );
    expect(failedLoginsLine('db', { code: 1, stdout: '0\n', stderr: '' }, '/var/log/auth.log')).toMatchObject(
      {
        status: 'ok',
        value: 0,
      },
    );
  });

  it('say an endpoint presented no certificate', () => {
    const line = tlsExpiryLine('samaconso.example:443', undefined, new Date());
    expect(line.status).toBe('unknown');
    expect(both(line)).toEqual([
      'inconnu : le point d’accès n’a présenté aucun certificat',
      'unknown: the endpoint presented no certificate',
    ]);
  });
});
