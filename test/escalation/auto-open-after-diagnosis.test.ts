import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoOpenAfterDiagnosis } from '../../src/escalation/auto-open.js';
import type { EscalationService } from '../../src/escalation/escalation-service.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { type Harness, startHarness } from './escalation-harness.js';

// A real failure: PostgreSQL on a port where nothing listens, mapped to N2 by `autoOpen`.
let harness: Harness;
let service: EscalationService;
let clients: PlatformClients;

beforeAll(async () => {
  harness = await startHarness({ ackTimeout: '1h', repeatEvery: '1h', resolveWithin: '4h' });
  service = harness.start({ workers: false });
  const base = harness.inventory;
  const inventory = {
    ...base,
    services: { ...base.services, postgres: { url: 'postgresql://postgres@127.0.0.1:1/postgres' } },
    escalation: { ...base.escalation, autoOpen: [{ check: 'postgres.ping', level: 'N2' as const }] },
  };
  harness.inventory = inventory;
  clients = createPlatformClients(inventory, silentLogger());
});

afterAll(async () => {
  await clients?.close();
  await harness?.close();
});

async function duplicateEvents(): Promise<number> {
  const { rows } = await harness.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM incident_events WHERE type = 'duplicate'",
  );
  return rows[0]?.n ?? -1;
}

async function openIncidentsCount(): Promise<{ id: number; level: string; dedup_key: string }[]> {
  const { rows } = await harness.pool.query<{ id: number; level: string; dedup_key: string }>(
    "SELECT id, level, dedup_key FROM incidents WHERE state <> 'resolved' ORDER BY id",
  );
  return rows;
}

describe('a shared diagnosis opens the incidents its failures map to', () => {
  it('once per run, however many people asked; a later run joins the open incident', async () => {
    const { inventory } = harness;
    const diagnoses = shareDiagnoses(
      { inventory, clients },
      undefined,
      autoOpenAfterDiagnosis(service, inventory.escalation.autoOpen, silentLogger()),
    );
    const shared = await Promise.all(Array.from({ length: 5 }, () => diagnoses.run('db')));
    expect(shared[0]?.results.find((r) => r.id === 'postgres.ping')?.status).toBe('fail');
    const afterFirst = await openIncidentsCount();
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]).toMatchObject({
      level: 'N2',
      dedup_key: 'check:postgres.ping:127.0.0.1:1/postgres',
    });

    await diagnoses.run('db');
    const afterSecond = await openIncidentsCount();
    expect(afterSecond.map((row) => row.id)).toEqual(afterFirst.map((row) => row.id));
    expect(await duplicateEvents()).toBe(1);
  });
});
