import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runMain } from '../console/run-main.js';
import { REACHABLE_TEAM, testInventory } from '../handlers/test-inventory.js';
import { SlackApiDouble } from './slack-api-double.js';

describe('npm start in HTTP mode', () => {
  it('logs JSON without the tokens, and exits cleanly on SIGTERM well within 10 s', async () => {
    const double = await new SlackApiDouble().start();
    const fixture = testInventory({ team: REACHABLE_TEAM });
    const botToken = `xoxb-${randomUUID()}`;
    const signingSecret = `secret-${randomUUID()}`;
    try {
      const started = performance.now();
      let signalledAt = 0;
      const { code, stderr } = await runMain(
        [],
        {
          SAMAOPS_CONFIG: fixture.file,
          SLACK_BOT_TOKEN: botToken,
          SLACK_SIGNING_SECRET: signingSecret,
          SLACK_API_URL: double.apiUrl,
          PORT: '0',
          HOST: '127.0.0.1',
        },
        {
          signalAfter: /"msg":"samaops started"/,
          onSignal: () => {
            signalledAt = performance.now();
          },
        },
      );
      const exitedAfterSignal = performance.now() - signalledAt;
      expect(signalledAt).toBeGreaterThan(started);
      expect({ code, stderr }).toMatchObject({ code: 0 });
      expect(exitedAfterSignal).toBeLessThan(10_000);
      const lines = stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; mode?: string });
      expect(lines.find((line) => line.msg === 'samaops started')?.mode).toBe('http');
      expect(lines.some((line) => line.msg === 'shutting down')).toBe(true);
      expect(stderr).not.toContain(botToken);
      expect(stderr).not.toContain(signingSecret);
      expect(double.callsOf('auth.test')).toHaveLength(1);
      double.assertNoViolations();
    } finally {
      await double.stop();
      fixture.remove();
    }
  });
});
