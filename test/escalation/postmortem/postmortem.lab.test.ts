import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedRestart } from '../../../scripts/demo/demo-fix.js';
import { DEMO_INVENTORY, demoCast } from '../../../scripts/demo/demo-inventory.js';
import { demoPace } from '../../../scripts/demo/demo-pace.js';
import { type DemoWorld, setUpDemo } from '../../../scripts/demo/demo-setup.js';
import { faultAndIncident, poolOf, typeLine } from '../../../scripts/demo/demo-steps.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { draftContext } from '../../../src/escalation/postmortem/postmortem-context.js';
import { captureIo } from '../../cli/capture-io.js';
import { eventuallyValue } from '../../support/eventually.js';

/**
 * The post-mortem of a real incident on the lab, end to end, driven as `npm run demo` drives the
 * bot (its console, the watch on, the escalation workers running): api-1-down → the watch opens
 * an N2 incident → the on-call DBA is paged → acknowledges → asks for a guarded restart, DevOps
 * approves → the watch notes the recovery → the DBA resolves → `/sama incident postmortem` and
 * `samaops incident postmortem`. The draft holds each step, with its time and the audit ids.
 */

let world: DemoWorld;
let teardown: (() => Promise<unknown>) | undefined;
let shown = '';
const output = {
  write(text: string) {
    shown += text;
    return true;
  },
};
const pace = demoPace('fr', output, undefined);
const { onCall } = demoCast;

beforeAll(async () => {
  world = await setUpDemo(output, (remove) => {
    teardown = remove;
  });
});

afterAll(async () => {
  await teardown?.();
});

/** Each timeline record of the incident, with its time. */
async function timeline(id: number): Promise<{ type: string; at: number; by?: string }[]> {
  const { rows } = await poolOf(world).query<{ type: string; at: Date; record: { by?: string } }>(
    'SELECT type, at, record FROM incident_events WHERE incident_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((row) => ({
    type: row.type,
    at: row.at.getTime(),
    ...(row.record.by ? { by: row.record.by } : {}),
  }));
}

describe('a post-mortem on the lab', () => {
  it('holds the fault, the page, the acknowledgement, the restart and its audit ids, the recovery and the resolution', async () => {
    const id = await faultAndIncident(world, pace);
    await typeLine(world, pace, `/as ${onCall.name}`);
    await typeLine(world, pace, `/sama incident ack ${id}`);
    await approvedRestart(world, pace);
    // The watch sees the API healthy for `healthyBeforeRecovery` (15 s in the demo) and notes it.
    await eventuallyValue(
      'the recovery on the timeline',
      async () => ((await timeline(id)).some((event) => event.type === 'recovered') ? true : undefined),
      120_000,
    );
    await typeLine(world, pace, `/as ${onCall.name}`);
    await typeLine(world, pace, `/sama incident resolve ${id}`);
    const before = shown.length;
    await typeLine(world, pace, `/sama incident postmortem ${id}`);
    const printed = shown.slice(before);
    const draft = printed.slice(printed.indexOf('# Post-mortem'));

    const events = await timeline(id);
    const at = (type: string) => events.find((event) => event.type === type)?.at ?? 0;
    const c = draftContext('fr', world.inventory.timezone, []);
    expect(printed).toContain(`📎 fichier « postmortem-incident-${id}.md »`);
    expect(draft).toContain(`# Post-mortem — incident #${id} : api.health`);
    expect(draft).toContain('Par la surveillance (playbook api)');
    expect(draft).toContain('Vérifications en échec : `api.health · ');
    expect(draft).toContain(`- Ouvert le ${c.at(at('opened'))} par samaops`);
    expect(draft).toMatch(
      new RegExp(
        `\\| ${c.at(at('paged'))} \\| N2 \\| [^|]*DBA \\(UDBA\\) — a pris en charge le ${c.clock(at('acknowledged'))} \\| ouverture \\|`,
      ),
    );
    expect(draft).toContain(`Pris en charge par DBA (UDBA) le ${c.at(at('acknowledged'))}`);
    expect(draft).toContain(`- Résolu le ${c.at(at('resolved'))} par DBA (UDBA)`);
    expect(draft).toContain(`${c.at(at('recovered'))} — 💚 Rétabli`);

    const { rows: audit } = await poolOf(world).query<{ id: string; action: string }>(
      `SELECT a.id, a.action FROM audit_log a JOIN remediation_requests r ON r.id::text = a.request_id
        WHERE r.remediation = 'restart' ORDER BY a.id`,
    );
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'remediation.requested',
        'remediation.approved',
        'remediation.running',
        'remediation.succeeded',
      ]),
    );
    expect(draft).toContain('### restart samaconso\\_api\\_1 — réussie');
    expect(draft).toContain(
      `- Journal d’audit : ${audit.map((row) => `#${row.id} ${row.action}`).join(', ')}`,
    );
    expect(draft).toContain('- Demandée par DBA (UDBA) le ');
    expect(draft).toContain('- Approuvée par DevOps (UDEVOPS)');
    expect(draft).toMatch(/- Vérification après coup : api\.health samaconso\\_api\\_1: ok/);
    expect(draft).toContain('| MTTA (prise en charge) |');
    // The watch's runs are the SLO series: the outage spent some of api's budget for the month.
    expect(draft).toContain('| SLO | Budget consommé | Budget restant | Période |');
    expect(draft).toMatch(
      /\| disponibilité api \(\d+ min hors service ou sans mesure\) \| \d+(,\d)? % \| — \| \d{4}-\d{2} \|/,
    );
    expect(draft).toMatch(/## Cause\n\n_À compléter\._/);

    const cli = captureIo({ DATABASE_URL: world.database.url, LOG_LEVEL: 'silent' });
    expect(await runCli(['incident', 'postmortem', String(id), '--config', DEMO_INVENTORY], cli.io)).toBe(0);
    expect(cli.stdout()).toContain(
      `- Journal d’audit : ${audit.map((row) => `#${row.id} ${row.action}`).join(', ')}`,
    );
    expect(cli.stdout()).toContain(`- Résolu le ${c.at(at('resolved'))} par DBA (UDBA)`);
  });
});
