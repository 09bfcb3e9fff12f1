import { spawnSync } from 'node:child_process';
import { APPROVE_REMEDIATION_ACTION } from '../../src/playbooks/guard/request-message.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { healFault } from '../../test/lab/faults/lab-faults.js';
import { containerStatus } from '../../test/lab/lab-containers.js';
import { demoCast } from './demo-inventory.js';
import type { DemoPace } from './demo-pace.js';
import type { DemoWorld } from './demo-setup.js';
import { poolOf, typeLine } from './demo-steps.js';
import { waitFor } from './demo-wait.js';

const CONTAINER = 'samaconso_api_1';
/** The rolling restart waits up to `healthTimeoutMs` (60 s) for /health; then the checks run. */
const RESTART_WAIT_MS = 120_000;

/**
 * Step 4: the on-call person asks for the restart, the DevOps approver approves it by its button;
 * the container runs again, the verifying checks are green, and the audit chain verifies.
 */
export async function approvedRestart(world: DemoWorld, pace: DemoPace): Promise<void> {
  const { onCall, approver } = demoCast;
  await pace.step('demo.step.fix', { requester: onCall.name, approver: approver.name });
  await typeLine(world, pace, `/as ${onCall.name}`);
  await typeLine(world, pace, `/sama restart ${CONTAINER}`);
  await typeLine(world, pace, `/as ${approver.name}`);
  const approve = world.console
    .lastButtons()
    .findIndex((button) => button.actionId === APPROVE_REMEDIATION_ACTION);
  await typeLine(world, pace, String(approve + 1));
  const pool = poolOf(world);
  const request = await waitFor(async () => {
    const { rows } = await pool.query<{ state: string; approvers: string[] }>(
      `SELECT r.state, array_agg(a.approver) AS approvers
         FROM remediation_requests r JOIN remediation_approvals a ON a.request_id = r.id
        WHERE r.remediation = 'restart' GROUP BY r.id, r.state ORDER BY max(r.created_at) DESC LIMIT 1`,
    );
    const row = rows[0];
    return row && ['succeeded', 'failed', 'expired', 'rejected'].includes(row.state) ? row : undefined;
  }, RESTART_WAIT_MS);
  const pid = containerStatus().find((container) => container.name === CONTAINER)?.pid;
  const verified = world.console.lastMessage()?.status === 'ok';
  if (request?.state !== 'succeeded' || pid === undefined || !verified)
    pace.fail('demo.check.notRestarted', {
      state: request?.state ?? '—',
      container: pid === undefined ? '—' : `pid ${pid}`,
    });
  // The bot healed the fault: the lab forgets it (its heal finds the container already running).
  await healFault('api-1-down');
  pace.ok('demo.check.restarted', { pid, approver: approver.name });
  await showAudit(world, pace);
}

/** `/sama audit`, then the real `samaops audit verify` on the bot's database. */
async function showAudit(world: DemoWorld, pace: DemoPace): Promise<void> {
  pace.say('demo.fix.audit');
  await typeLine(world, pace, '/sama audit 8');
  pace.typed('samaops audit verify');
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], {
    env: { ...process.env, DATABASE_URL: world.database.url },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const verdict = await verifyAuditChain(poolOf(world));
  if (verify.status !== 0 || !verdict.ok) pace.fail('demo.check.auditBroken', { code: verify.status ?? '—' });
  pace.ok('demo.check.audit', { rows: verdict.rows });
}
