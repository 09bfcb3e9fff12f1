import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { approveRemediation } from '../../src/playbooks/guard/approve-remediation.js';
import type { GuardContext } from '../../src/playbooks/guard/guard-context.js';
import { requestRemediation } from '../../src/playbooks/guard/request-remediation.js';
import { remediations } from '../../src/playbooks/remediations/index.js';
import type { MessageRef, ReplyPort } from '../../src/render/reply-port.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { healFault, injectFault } from '../../test/lab/faults/lab-faults.js';
import { labUp } from '../../test/lab/lab.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const RUNS = 5;
const CHANNEL = 'CBENCH0001';
const REQUESTER = 'UREQ00001';
const APPROVER = 'UDEV00002';

const replies: ReplyPort = {
  reply: async () => undefined,
  postMessage: async (): Promise<MessageRef> => ({ channel: CHANNEL, ts: '1.0' }),
  updateMessage: async () => undefined,
  respondEphemeral: async () => undefined,
};

/**
 * Issue 5: from the approval click to "succeeded" for `restart samaconso_api_1` on the lab, with
 * api-1-down injected before each run: the guard, the real SSH `docker restart` through the lab's
 * docker double, the wait for /health, and the verifying checks.
 */
export async function remediationLab(): Promise<BenchRow[]> {
  const { inventory: file } = await labUp();
  const text = stringify({
    ...(parse(readFileSync(file, 'utf8')) as Record<string, unknown>),
    team: [
      { slackId: REQUESTER, name: 'Awa', roles: ['devops'] },
      { slackId: APPROVER, name: 'Moussa', roles: ['devops'] },
    ],
    slack: { channels: [CHANNEL] },
    remediations: { rules: { restart: { cooldownMinutes: 0, hourlyCap: 100 } } },
  });
  const inventory = parseInventory(text, file);
  const scratch = await createScratchDatabase('samaops_bench');
  const pool = createBotDatabase(scratch.url, silentLogger());
  const clients = createPlatformClients(inventory, silentLogger());
  const samples: number[] = [];
  try {
    await migrate(pool);
    const context: GuardContext = { inventory, clients, logger: silentLogger(), pool, remediations };
    for (let run = 0; run < RUNS; run += 1) {
      await injectFault('api-1-down');
      try {
        const requested = await requestRemediation(
          context,
          { userId: REQUESTER, channelId: CHANNEL, replies },
          'restart',
          ['samaconso_api_1'],
        );
        if (requested.kind !== 'posted') throw new Error(`bench request refused: ${requested.kind}`);
        const started = performance.now();
        const approved = await approveRemediation(
          context,
          { userId: APPROVER, channelId: CHANNEL, replies },
          requested.request.id,
        );
        samples.push(performance.now() - started);
        if (approved.kind !== 'ran' || approved.request?.state !== 'succeeded')
          throw new Error(`bench restart did not succeed: ${JSON.stringify(approved.kind)}`);
      } finally {
        await healFault('api-1-down');
      }
    }
  } finally {
    await clients.close();
    await pool.end();
    await scratch.drop();
  }
  const summary = summarise(samples);
  return [
    {
      section: 'guarded restart on the lab (api-1-down)',
      measure: 'approval click → succeeded (restart, /health, verifying checks), median',
      value: round1(summary.median),
      unit: 'ms',
      details: { ...summary, max: round1(summary.max) },
    },
  ];
}
