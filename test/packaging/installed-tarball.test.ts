import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CHANNEL, TEST_USER, testInventory } from '../handlers/test-inventory.js';
import { SignedRequestClient } from '../slack/signed-request-client.js';
import { SlackApiDouble } from '../slack/slack-api-double.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { eventuallyValue } from '../support/eventually.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import {
  type InstalledPackage,
  installedPackages,
  packAndInstall,
  runInstalled,
  startInstalled,
} from './installed-package.js';

/** The bound: a service manager's stop must not wait on the bot. */
const STOP_WITHIN_MS = 5000;

let pkg: InstalledPackage;
let fixture: ReturnType<typeof testInventory>;
beforeAll(async () => {
  pkg = await packAndInstall();
  // A team that every level and approval rule can reach: check-config has no finding to report.
  const allRoles = ['support_n1', 'devops', 'dba', 'lead', 'architect'];
  fixture = testInventory({
    team: [
      { slackId: TEST_USER, name: 'Awa Ndiaye', roles: allRoles },
      { slackId: 'U0BOB00001', name: 'Bob', roles: allRoles },
    ],
  });
}, 600_000);
afterAll(() => {
  pkg?.remove();
  fixture?.remove();
});

describe('the npm pack tarball, installed with --omit=dev into an empty prefix', () => {
  it('holds dist/, the migrations and the manifest, and no sources, tsx or TypeScript', () => {
    const installed = join(pkg.prefix, 'node_modules', 'samaops');
    for (const file of [
      'dist/cli/main.js',
      'dist/main.js',
      'dist/store/migrations/001-bot-meta.sql',
      'manifest.yml',
    ])
      expect(existsSync(join(installed, file)), file).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(installedPackages(pkg.prefix)).not.toEqual(expect.arrayContaining(['tsx']));
    expect(installedPackages(pkg.prefix)).not.toEqual(expect.arrayContaining(['typescript']));
  });

  it('prints its version, validates the inventory and diagnoses this machine’s services', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runInstalled(pkg, ['--version'], {})).toMatchObject({
      code: 0,
      stdout: `samaops ${version}\n`,
    });

    const checked = await runInstalled(pkg, ['check-config', '--config', fixture.file], {});
    expect(checked).toMatchObject({ code: 0, stderr: '' });

    const diagnosed = await runInstalled(pkg, ['diagnose', 'db', '--json', '--config', fixture.file], {});
    const report = JSON.parse(diagnosed.stdout) as {
      status: string;
      checks: { id: string; status: string }[];
    };
    expect(report.checks.find((check) => check.id === 'postgres.ping')?.status).toBe('ok');
    expect(diagnosed.code).toBe({ ok: 0, warn: 1, fail: 2, unknown: 3 }[report.status]);
  });

  it('exits 78 in one line when started with no Slack credentials and no terminal', async () => {
    const { code, stdout, stderr } = await runInstalled(pkg, ['serve'], { SAMAOPS_CONFIG: fixture.file });
    expect(code).toBe(78);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(
      'variables cherchées : SAMAOPS_MODE, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET',
    );
  });
});

describe('samaops serve from the tarball, in HTTP mode against the Slack double', () => {
  let double: SlackApiDouble;
  let scratch: ScratchDatabase;
  const namespace = testQueueNamespace();
  beforeAll(async () => {
    double = await new SlackApiDouble().start();
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await double?.stop();
    await scratch?.drop();
    await obliterateBotQueues(namespace);
  });

  it('migrates, answers /health and a signed /sama help, then exits 0 within 5 s of SIGTERM', async () => {
    const signingSecret = `secret-${randomUUID()}`;
    const env = {
      SAMAOPS_MODE: 'http',
      SAMAOPS_CONFIG: fixture.file,
      SLACK_BOT_TOKEN: `xoxb-${randomUUID()}`,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: double.apiUrl,
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      SAMAOPS_QUEUE_NAMESPACE: namespace,
      HOST: '127.0.0.1',
      PORT: '0',
    };
    const migrated = await runInstalled(pkg, ['migrate'], env);
    expect(migrated).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^\d+ migrations appliquées sur \d+ : 001-bot-meta\.sql/),
    });

    const bot = startInstalled(pkg, ['serve'], env);
    let logs = '';
    bot.stderr.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
    const port = await eventuallyValue('the bot’s "samaops started" log line', () => {
      const started = logs.split('\n').find((line) => line.includes('"msg":"samaops started"'));
      return started ? (JSON.parse(started) as { port: number }).port : undefined;
    });
    const base = `http://127.0.0.1:${port}`;
    const ready = await runInstalled(pkg, ['wait-ready', '--url', `${base}/ready`], {});
    expect(ready).toMatchObject({ code: 0, stdout: expect.stringContaining('"ready":true') });
    const health = await fetch(`${base}/health`);
    expect({ status: health.status, body: await health.json() }).toEqual({
      status: 200,
      body: { status: 'ok' },
    });

    const id = randomUUID();
    const slack = new SignedRequestClient(`${base}/slack/events`);
    const call = {
      text: 'help',
      userId: TEST_USER,
      channelId: TEST_CHANNEL,
      responseUrl: double.responseUrl(id),
    };
    expect((await slack.slashCommand(call, { signingSecret })).status).toBe(200);
    const answer = await double.waitForResponseTo(id);
    expect(JSON.stringify(answer.params)).toContain('/sama diagnose');

    const signalledAt = performance.now();
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(STOP_WITHIN_MS);
    expect(logs).not.toContain(env.SLACK_BOT_TOKEN);
    expect(logs).not.toContain(signingSecret);
    double.assertNoViolations();
  });
});
