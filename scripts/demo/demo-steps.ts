import type pg from 'pg';
import { injectFault } from '../../test/lab/faults/lab-faults.js';
import { demoCast, demoWatch } from './demo-inventory.js';
import type { DemoPace } from './demo-pace.js';
import type { DemoWorld } from './demo-setup.js';
import { waitFor } from './demo-wait.js';

/** The watch's few runs plus their checks' timeouts, with room for a busy machine. */
const INCIDENT_WAIT_MS = 120_000;

/** Types a line at the console as the person at the keyboard would, and waits for its answer. */
export async function typeLine(world: DemoWorld, pace: DemoPace, line: string): Promise<void> {
  pace.typed(line);
  await world.console.session.handleLine(line);
}

/** Step 2: `/sama diagnose` on the healthy lab; every check ok, not one warning. */
export async function healthyDiagnosis(world: DemoWorld, pace: DemoPace): Promise<void> {
  await pace.step('demo.step.healthy');
  await typeLine(world, pace, '/sama diagnose');
  const report = world.console.lastMessage();
  if (report?.status === 'ok') return pace.ok('demo.check.healthy');
  const problems = (report?.sections ?? [])
    .flatMap((section) => section.lines)
    .filter((line) => line.status !== undefined && line.status !== 'ok')
    .map((line) => line.text)
    .join(' ; ');
  pace.fail('demo.check.unhealthy', { problems: problems || (report?.summary ?? '—') });
}

/** Step 3: api-1-down; the watch opens an N2 incident after its flap guard and pages the on-call. */
export async function faultAndIncident(world: DemoWorld, pace: DemoPace): Promise<number> {
  await pace.step('demo.step.fault', { failures: demoWatch.failuresBeforeOpen });
  pace.typed('npm run lab -- fault api-1-down');
  await injectFault('api-1-down');
  const pool = poolOf(world);
  const incident = await waitFor(async () => {
    const { rows } = await pool.query<{ id: string; level: string; paged: string[] }>(
      'SELECT id, level, paged FROM incidents ORDER BY id LIMIT 1',
    );
    return rows[0];
  }, INCIDENT_WAIT_MS);
  const seconds = INCIDENT_WAIT_MS / 1000;
  if (incident?.level !== 'N2') pace.fail('demo.check.noIncident', { seconds });
  const pageTo = `dm:${demoCast.onCall.slackId}`;
  const paged = await waitFor(() => world.console.delivered.includes(pageTo) || undefined, INCIDENT_WAIT_MS);
  if (!paged) pace.fail('demo.check.noPage', { seconds });
  const names = incident.paged.map(
    (id) => world.inventory.team.find((person) => person.slackId === id)?.name ?? id,
  );
  pace.ok('demo.check.incident', { id: incident.id, level: incident.level, people: names.join(', ') });
  return Number(incident.id);
}

/** The bot's own database, where the demo reads each step's outcome. */
export function poolOf(world: DemoWorld): pg.Pool {
  const { pool } = world.console.bot.services.store;
  if (!pool) throw new Error('the demo runs with DATABASE_URL: the bot store has a pool');
  return pool;
}
