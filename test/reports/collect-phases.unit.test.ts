import { afterAll, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { msg } from '../../src/i18n/message.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { linesSection } from '../../src/reports/lines-section.js';

/** The two phases of a collection: every read-only collector ends before a mutating one starts. */

const inventory = parseInventory('platform: Test\n', 'inline.yml');
const clients = createPlatformClients(inventory, silentLogger());

afterAll(async () => {
  await clients.close();
});

describe('collectReport phases', () => {
  it('runs the mutating collectors after every read-only one, and keeps the sections in order', async () => {
    const events: string[] = [];
    let releaseRead: () => void = () => undefined;
    const slowRead = new Promise<void>((resolve) => {
      releaseRead = resolve;
    });
    const section = (id: string, mutating: boolean, work: () => Promise<void>) =>
      linesSection(
        id,
        msg('report.section.oldBackups'),
        async () => {
          events.push(`${id} start`);
          await work();
          events.push(`${id} end`);
          return [];
        },
        { mutating },
      );
    const step = section('step', true, async () => undefined);
    // The step comes first in the list and there is room for all at once: only the phases hold it back.
    const collecting = collectReport(
      'weekly',
      [step, section('read-a', false, () => slowRead), section('read-b', false, async () => undefined)],
      { inventory, clients },
      { concurrency: 4 },
    );
    // The reads have started (and read-b ended) while read-a waits; the step has not started.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['read-a start', 'read-b start', 'read-b end']);
    releaseRead();
    const report = await collecting;
    expect(events).toEqual([
      'read-a start',
      'read-b start',
      'read-b end',
      'read-a end',
      'step start',
      'step end',
    ]);
    expect(report.sections.map((each) => each.id)).toEqual(['step', 'read-a', 'read-b']);
  });

  it('tells a progress listener each collector’s start and end, with its section title', async () => {
    const told: string[] = [];
    const progress = {
      started: (key: string, label: unknown) => told.push(`start ${key} ${JSON.stringify(label)}`),
      finished: (key: string) => told.push(`end ${key}`),
    };
    const quick = (id: string) =>
      linesSection(id, msg('report.section.oldBackups'), async () => [], { mutating: id === 'step' });
    await collectReport('weekly', [quick('read'), quick('step')], { inventory, clients }, { progress });
    expect(told).toEqual([
      'start 0 {"key":"report.section.oldBackups"}',
      'end 0',
      'start 1 {"key":"report.section.oldBackups"}',
      'end 1',
    ]);
  });
});
