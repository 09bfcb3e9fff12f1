import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inventoryAccessPolicy } from '../../src/handlers/access-policy.js';
import type { HandlerServices, Invocation } from '../../src/handlers/handler-context.js';
import { routeAction, routeCommand } from '../../src/handlers/route-command.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { RERUN_DIAGNOSIS_ACTION } from '../../src/playbooks/diagnosis-message.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';
import { toMrkdwn } from '../../src/render/slack-text.js';
import { expectRepliesWithinSlackRules, recordingReplies } from './recording-replies.js';
import { TEST_CHANNEL, TEST_USER, testInventory } from './test-inventory.js';

afterEach(expectRepliesWithinSlackRules);

// The real services of this machine (config/local.yml): the handlers run the real checks.
const { inventory, remove } = testInventory();
const clients = createPlatformClients(inventory, silentLogger());
const metrics = createMetrics();
const services: HandlerServices = {
  inventory,
  clients,
  logger: silentLogger(),
  metrics,
  access: inventoryAccessPolicy(inventory),
  diagnoses: shareDiagnoses({ inventory, clients }),
  store: { pool: undefined, close: async () => undefined },
};

afterAll(async () => {
  await clients.close();
  remove();
});

function invocation(
  userId = TEST_USER,
  channelId = TEST_CHANNEL,
): Invocation & { replies: ReturnType<typeof recordingReplies> } {
  return { userId, channelId, replies: recordingReplies() };
}

describe('routeCommand', () => {
  it('diagnose db: posts "en cours", then updates that message with the report of the real checks', async () => {
    const call = invocation();
    expect(await routeCommand('diagnose db', call, services)).toBe('ok');
    const [post, update, ...rest] = call.replies.recorded;
    expect(rest).toEqual([]);
    expect(post?.kind).toBe('post');
    expect(post?.message.summary).toMatch(
      /^Diagnostic en cours… \(Base de données lente, 6 vérifications\)$/,
    );
    expect(update?.kind).toBe('update');
    if (update?.kind !== 'update' || post?.kind !== 'post') throw new Error('unexpected replies');
    expect(update.ref).toEqual(post.ref);
    expect(update.message.title).toBe('SamaConso (local) — Base de données lente');
    const lines = update.message.sections
      .flatMap((section) => section.lines.map((line) => line.text))
      .join('\n');
    expect(lines).toContain('PostgreSQL répond (SELECT 1)');
    expect(update.message.context?.[0]).toContain('demandé par Awa Ndiaye');
    const exposed = await metrics.registry.metrics();
    expect(exposed).toMatch(/samaops_check_status\{check="postgres.ping",target="[^"]+"\} 0/);
  });

  it('answers an unknown sub-command with the valid ones and the way to the help, not the whole help', async () => {
    const call = invocation();
    expect(await routeCommand('reboot-everything now', call, services)).toBe('usage');
    expect(call.replies.recorded).toHaveLength(1);
    const [answer] = call.replies.recorded;
    expect(answer?.kind).toBe('ephemeral');
    expect(answer?.message.summary).toMatch(
      /^Sous-commande inconnue « reboot-everything »\. Sous-commandes valides : help, diagnose, status, /,
    );
    expect(answer?.message.sections.flatMap((section) => section.lines.map((line) => line.text))).toEqual([
      '`/sama help` — affiche cette aide',
    ]);
  });

  it('answers an unknown playbook with the help, and runs nothing', async () => {
    const call = invocation();
    expect(await routeCommand('diagnose everything', call, services)).toBe('usage');
    expect(call.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
    expect(call.replies.recorded[0]?.message.summary).toContain('Argument « everything » invalide');
    // The one usage line of the sub-command, not the whole help.
    expect(
      call.replies.recorded[0]?.message.sections.flatMap((section) => section.lines.map((line) => line.text)),
    ).toEqual([
      expect.stringMatching(
        /^`\/sama diagnose \[all\|api\|notifications\|db\|disk\|redis\]` — lance un diagnostic/,
      ),
    ]);
  });

  it('shows the help for an empty command', async () => {
    const call = invocation();
    await routeCommand('  ', call, services);
    expect(call.replies.recorded[0]?.message.title).toBe('samaops — commandes');
  });

  it('refuses a user outside the team, and a channel that is not the bot’s, and runs nothing', async () => {
    const stranger = invocation('UOUTSIDER9');
    expect(await routeCommand('diagnose', stranger, services)).toBe('refused');
    expect(stranger.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
    expect(stranger.replies.recorded[0]?.message.summary).toContain('ne faites pas partie de l’équipe');

    const elsewhere = invocation(TEST_USER, 'COTHER0001');
    expect(await routeCommand('status', elsewhere, services)).toBe('refused');
    // A live channel link, built by the bot.
    expect(toMrkdwn(elsewhere.replies.recorded[0]?.message.summary ?? '')).toContain(`<#${TEST_CHANNEL}>`);
    expect(await metrics.registry.metrics()).toMatch(
      /samaops_commands_handled_total\{command="diagnose",outcome="refused"\} 1/,
    );
  });

  it('status: one line per service of the inventory', async () => {
    const call = invocation();
    await routeCommand('status', call, services);
    const [answer] = call.replies.recorded;
    expect(answer?.kind).toBe('reply');
    const lines = answer?.message.sections.flatMap((s) => s.lines.map((l) => l.text)) ?? [];
    expect(lines.map((line) => /^\*(\w+)\*/.exec(line)?.[1])).toEqual(['postgresql', 'redis', 'rabbitmq']);
  });

  it('the rerun button runs the playbook named by its value, and refuses any other value', async () => {
    const call = invocation();
    expect(await routeAction(RERUN_DIAGNOSIS_ACTION, 'redis', call, services)).toBe('ok');
    expect(call.replies.recorded.map((r) => r.kind)).toEqual(['post', 'update']);

    const forged = invocation();
    expect(await routeAction(RERUN_DIAGNOSIS_ACTION, 'redis; rm -rf /', forged, services)).toBe('usage');
    expect(forged.replies.recorded.map((r) => r.kind)).toEqual(['ephemeral']);
  });
});
