import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/load-inventory.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { monthIncidents } from '../../src/reports/month-incidents-section.js';
import type { ReportSection } from '../../src/reports/report-model.js';
import { reportMonth } from '../../src/reports/report-month.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

/**
 * The monthly report's incidents, counted over a calendar month in the inventory's timezone, with
 * incidents placed on both sides of the month's boundaries (scratch bot database).
 */

let database: ScratchDatabase;
let pool: pg.Pool;

// Each at its own level, so that which ones were counted shows in the counts per level.
const incidents = [
  ['sep-last', 'N1', '2026-09-30T23:59:59Z'],
  ['oct-first', 'N2', '2026-10-01T00:00:00Z'],
  ['oct-last', 'N3', '2026-10-31T23:59:00Z'],
  ['nov-first', 'N1', '2026-11-01T00:00:30Z'],
  ['nov-mid', 'N2', '2026-11-14T10:00:00Z'],
  ['nov-later', 'N3', '2026-11-20T00:00:00Z'],
] as const;

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  for (const [key, level, at] of incidents) {
    await pool.query(
      `INSERT INTO incidents (dedup_key, title, source, level, state, policy, generation, opened_by, opened_at, acknowledged_at, resolved_at)
       VALUES ($1, $1, 'test', $2, 'resolved', '{}', 1, 'U1', $3, $3::timestamptz + interval '10 minutes', $3::timestamptz + interval '1 hour')`,
      [key, level, at],
    );
  }
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function incidentsAt(now: string, timezone: string, locale = 'fr'): Promise<ReportSection> {
  const inventory = parseInventory(
    `platform: Test\ntimezone: ${timezone}\nlocale: ${locale}\n`,
    'inline.yml',
  );
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    const report = await collectReport(
      'monthly',
      [monthIncidents],
      { inventory, clients },
      {
        pool,
        now: () => new Date(now),
      },
    );
    const section = report.sections[0];
    if (!section) throw new Error('no incidents section');
    return section;
  } finally {
    await clients.close();
  }
}

const counts = (section: ReportSection) => section.lines.map((line) => [line.label, line.value]);

describe('the month’s incidents', () => {
  it('on the 1st, count the whole previous month in Africa/Dakar, named', async () => {
    const section = await incidentsAt('2026-11-01T06:00:00Z', 'Africa/Dakar');
    expect(counts(section)).toEqual([
      ['N2', 1],
      ['N3', 1],
    ]);
    expect(translate('fr', section.title)).toBe('Incidents — octobre 2026, mois entier (heure Africa/Dakar)');
    expect(section.lines[0]?.text.params).toMatchObject({ count: 1, mtta: 10, mttr: 60 });
  });

  it('on another day, count the month so far, and say so', async () => {
    const section = await incidentsAt('2026-11-15T09:00:00Z', 'Africa/Dakar', 'en');
    expect(counts(section)).toEqual([
      ['N1', 1],
      ['N2', 1],
    ]);
    expect(translate('en', section.title)).toContain(
      'November 2026, from the 1st to day 15 (month in progress',
    );
  });

  it('place the boundaries at midnight in the inventory’s timezone, not UTC', async () => {
    // Europe/Paris is UTC+2 on 30 September and UTC+1 on 31 October: September's last second is
    // in October there, October's last minute in November.
    const section = await incidentsAt('2026-11-01T06:00:00Z', 'Europe/Paris');
    expect(counts(section)).toEqual([
      ['N1', 1],
      ['N2', 1],
    ]);
  });

  it('say when the month had none', async () => {
    const section = await incidentsAt('2026-08-01T06:00:00Z', 'Africa/Dakar');
    expect(section.lines).toEqual([expect.objectContaining({ label: 'incidents', value: 0, status: 'ok' })]);
    expect(translate('fr', section.title)).toContain('juillet 2026, mois entier');
  });
});

describe('reportMonth', () => {
  it('turns the year at January the 1st, and reads the day in the timezone', () => {
    expect(reportMonth(new Date('2027-01-01T06:00:00Z'), 'Africa/Dakar')).toMatchObject({
      year: 2026,
      month: 12,
      whole: true,
      next: { year: 2027, month: 1 },
    });
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(reportMonth(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris')).toMatchObject({
      year: 2026,
      month: 12,
      whole: true,
    });
    expect(reportMonth(new Date('2026-12-31T23:30:00Z'), 'Africa/Dakar')).toMatchObject({
      year: 2026,
      month: 12,
      whole: false,
      day: 31,
      next: { year: 2027, month: 1 },
    });
  });
});
