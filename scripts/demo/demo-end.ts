import { demoCast } from './demo-inventory.js';
import type { DemoPace } from './demo-pace.js';
import type { DemoWorld } from './demo-setup.js';
import { poolOf, typeLine } from './demo-steps.js';

/** Step 5: the on-call person acknowledges and resolves the incident; the daily report runs. */
export async function resolveAndReport(world: DemoWorld, pace: DemoPace, incidentId: number): Promise<void> {
  await pace.step('demo.step.end');
  await typeLine(world, pace, `/as ${demoCast.onCall.name}`);
  await typeLine(world, pace, `/sama incident ack ${incidentId}`);
  await typeLine(world, pace, `/sama incident resolve ${incidentId}`);
  const pool = poolOf(world);
  const { rows } = await pool.query<{
    state: string;
    acknowledged_by: string | null;
    resolved_by: string | null;
  }>('SELECT state, acknowledged_by, resolved_by FROM incidents WHERE id = $1', [incidentId]);
  const incident = rows[0];
  if (incident?.state !== 'resolved' || !incident.acknowledged_by)
    pace.fail('demo.check.notResolved', { id: incidentId, state: incident?.state ?? '—' });
  pace.ok('demo.check.resolved', {
    id: incidentId,
    acknowledged: nameOf(world, incident.acknowledged_by),
    resolved: nameOf(world, incident.resolved_by ?? ''),
  });
  await typeLine(world, pace, '/sama report daily');
  const stored = await pool.query<{ count: string }>("SELECT count(*) FROM reports WHERE kind = 'daily'");
  const reports = Number(stored.rows[0]?.count ?? 0);
  if (reports < 2) pace.fail('demo.check.noReport');
  pace.ok('demo.check.report', { reports });
}

function nameOf(world: DemoWorld, slackId: string): string {
  return world.inventory.team.find((person) => person.slackId === slackId)?.name ?? slackId;
}
