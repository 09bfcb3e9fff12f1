import { randomUUID } from 'node:crypto';
import { startBot } from '../../src/app/start-bot.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { labUp } from '../../test/lab/lab.js';
import { SlackApiDouble } from '../../test/slack/slack-api-double.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { round1, summarise } from '../stats.js';
import { BENCH_CHANNEL, BENCH_USER, diagnoseRounds } from './diagnose-round.js';

const CONCURRENCY = 20;
const ROUNDS = 10;

/**
 * Issue 4: `/sama diagnose` in HTTP mode, 20 signed requests at once, against the lab. The ack is
 * the HTTP answer to the slash command (Slack's 3-second budget); the report is the chat.update
 * that replaces "diagnostic en cours…", timed from its own request. One warm-up round first: the
 * first round also opens every pool and SSH connection, which the bot does once in its life.
 */
export async function slackAck(): Promise<BenchRow[]> {
  const { inventory: file } = await labUp();
  const lab = loadInventory(file);
  const inventory = {
    ...lab,
    team: [{ slackId: BENCH_USER, name: 'Bench', roles: ['devops' as const], availability: '24/7' as const }],
    slack: { ...lab.slack, channels: [BENCH_CHANNEL] },
  };
  // 20 reports at once to one channel: Slack would pace them (1/s); the bench measures the bot, so
  // the double's per-channel pace is lifted (every other rule of the strict double still holds).
  const double = await new SlackApiDouble({ pace: { perSecond: 1000, burst: 1000 } }).start();
  const signingSecret = `bench-${randomUUID()}`;
  const bot = await startBot({
    mode: {
      kind: 'http',
      botToken: `xoxb-bench-${randomUUID()}`,
      signingSecret,
      apiUrl: double.apiUrl,
      port: 0,
    },
    inventory,
    env: {},
    logger: silentLogger(),
    host: '127.0.0.1',
  });
  const rounds = diagnoseRounds(
    `http://127.0.0.1:${bot.port}/slack/events`,
    double,
    signingSecret,
    CONCURRENCY,
  );

  const first = await rounds.round();
  const acks: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const measured = await rounds.round();
    acks.push(...measured.acks);
    reports.push(...measured.reports);
  }
  await rounds.close();
  await bot.stop({ graceMs: 3000 });
  await double.stop();
  double.assertNoViolations();

  const a = summarise(acks);
  const r = summarise(reports);
  const section = `/sama diagnose, HTTP mode, ${CONCURRENCY} at once (lab)`;
  const ms = msRows(section);
  return [
    ms(`ack p50 (n=${acks.length})`, a.median, undefined, undefined, { ...a }),
    ms('ack p99', a.p99, '< 50 ms', a.p99 < 50),
    ms('time to final report, median', r.median, '< 500 ms', r.median < 500, { ...r }),
    ms('time to final report, p99', r.p99),
    ms('first (cold) round: ack max / last report', Math.max(...first.acks), undefined, undefined, {
      lastReportMs: round1(first.roundMs),
    }),
  ];
}
