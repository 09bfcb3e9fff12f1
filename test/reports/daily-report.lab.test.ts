import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { renderBlockKit } from '../../src/render/block-kit.js';
import { slackLimits } from '../../src/render/message-model.js';
import { renderMessageText } from '../../src/render/message-terminal.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { dailyCollectors } from '../../src/reports/daily-report.js';
import { reportMessage } from '../../src/reports/report-message.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/** The daily report against the lab: every section carries real measurements, and a dead host degrades to its line. */

let lab: ReportLab;

beforeAll(async () => {
  lab = await openReportLab();
});

afterAll(async () => {
  await lab?.close();
});

const options = { locale: 'en', platform: 'SamaConso (lab)', timezone: 'Africa/Dakar' } as const;

describe('daily report on the lab', () => {
  it('has a disk line per server and mount with a measured percentage, and the other sections', async () => {
    const report = await collectReport('daily', dailyCollectors, {
      inventory: lab.inventory,
      clients: lab.clients,
    });
    expect(report.sections.map((section) => section.id)).toEqual([
      'disk',
      'containers',
      'log-errors',
      'postgres',
      'redis',
    ]);
    const disk = report.sections.find((section) => section.id === 'disk');
    const mounts = lab.inventory.servers.flatMap((server) =>
      server.mountPoints.map((mount) => `${server.name}:${mount}`),
    );
    expect(disk?.lines.map((line) => line.label)).toEqual(mounts);
    for (const line of disk?.lines ?? []) {
      expect(line.value).toBeTypeOf('number');
      expect(line.unit).toBe('%');
    }
    const containers = report.sections.find((section) => section.id === 'containers');
    expect(containers?.lines.map((line) => line.label)).toEqual(
      lab.inventory.servers.map((server) => server.name),
    );
    // Real `docker ps` output through the double: the detail names running/expected counts.
    expect(containers?.lines.every((line) => typeof line.value === 'number')).toBe(true);
    const logs = report.sections.find((section) => section.id === 'log-errors');
    expect(logs?.lines.every((line) => typeof line.value === 'number')).toBe(true);
    for (const id of ['postgres', 'redis']) {
      const section = report.sections.find((candidate) => candidate.id === id);
      expect(section?.lines).toHaveLength(1);
      expect(section?.lines[0]?.value).toBeTypeOf('number');
    }

    const message = reportMessage(report, options);
    const blocks = renderBlockKit(message, { moreLines: (count) => `… ${count} more` });
    expect(blocks.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    const text = renderMessageText(message).text;
    expect(text.split('\n')[0]).toContain('Daily report');
    expect(text.split('\n')[1]).toMatch(/^\d+ failing, \d+ warning, \d+ unknown, \d+ OK\./);
    for (const mount of mounts) expect(text).toContain(mount);
  });

  it('says a host is unreachable at its place and still renders the rest', async () => {
    // A copy of the inventory whose api server points at a loopback address nothing listens on.
    const inventory = {
      ...lab.inventory,
      servers: lab.inventory.servers.map((server) =>
        server.name === 'api' ? { ...server, host: '127.0.0.9' } : server,
      ),
    };
    const clients = createPlatformClients(inventory, silentLogger());
    try {
      const report = await collectReport('daily', dailyCollectors, { inventory, clients });
      const disk = report.sections.find((section) => section.id === 'disk');
      const api = disk?.lines.find((line) => line.label.startsWith('api:'));
      expect(api?.status).toBe('unknown');
      expect(api?.value).toBeNull();
      expect(translate('en', api?.text ?? { key: 'report.unreachable' })).toMatch(/SSH/);
      const db = disk?.lines.find((line) => line.label.startsWith('db:'));
      expect(db?.value).toBeTypeOf('number');
      const text = renderMessageText(reportMessage(report, options)).text;
      const crossings = text.slice(text.indexOf('Thresholds crossed'));
      expect(crossings).toContain('api:');
      expect(report.sections.find((section) => section.id === 'postgres')?.lines[0]?.value).toBeTypeOf(
        'number',
      );
    } finally {
      await clients.close();
    }
  });

  it('turns a collector that throws into its section with the reason, beside the others', async () => {
    const [disk, , , postgres] = dailyCollectors;
    if (!disk || !postgres) throw new Error('daily collectors changed');
    const broken = {
      id: 'broken',
      title: disk.title,
      collect: async () => {
        throw new Error('connection refused by 127.0.0.9');
      },
    };
    const report = await collectReport('daily', [broken, postgres], {
      inventory: lab.inventory,
      clients: lab.clients,
    });
    expect(report.sections[0]?.status).toBe('unknown');
    expect(translate('en', report.sections[0]?.lines[0]?.text ?? { key: 'report.unreachable' })).toBe(
      'unreachable: connection refused (is the service up, the port open?) (“connection refused by 127.0.0.9”)',
    );
    expect(report.sections[1]?.lines[0]?.value).toBeTypeOf('number');
  });
});
