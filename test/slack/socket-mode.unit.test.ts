import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start-bot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { MODE_VARIABLES, SlackModeError, selectSlackMode } from '../../src/slack/slack-mode.js';
import { testInventory } from '../handlers/test-inventory.js';
import { SlackApiDouble } from './slack-api-double.js';
import { TunnelProxyDouble } from './tunnel-proxy-double.js';

describe('selectSlackMode', () => {
  it('picks Socket Mode with an app token, HTTP mode with a signing secret, the console with neither', () => {
    expect(
      selectSlackMode({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        HTTPS_PROXY: 'http://proxy:3128',
      }),
    ).toEqual({
      kind: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      proxyUrl: 'http://proxy:3128',
      port: 3000,
    });
    expect(
      selectSlackMode({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PORT: '8080',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }),
    ).toEqual({
      kind: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
      apiUrl: 'http://127.0.0.1:9/api/',
      port: 8080,
    });
    expect(selectSlackMode({ SLACK_BOT_TOKEN: '' })).toEqual({ kind: 'console' });
  });

  it('refuses a partial set instead of falling back to the console silently', () => {
    expect(() => selectSlackMode({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/,
    );
    expect(() => selectSlackMode({ SLACK_SIGNING_SECRET: 's' })).toThrow(SlackModeError);
    expect(() => selectSlackMode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/xapp-/);
    expect(() =>
      selectSlackMode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', PORT: 'eighty' }),
    ).toThrow(SlackModeError);
  });

  it('follows SAMAOPS_MODE, naming what the chosen mode lacks', () => {
    const all = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' };
    expect(selectSlackMode({ ...all, SAMAOPS_MODE: 'http' }, 'none')).toMatchObject({ kind: 'http' });
    expect(selectSlackMode({ ...all, SAMAOPS_MODE: 'socket' }, 'none')).toMatchObject({ kind: 'socket' });
    expect(selectSlackMode({ ...all, SAMAOPS_MODE: 'console' }, 'none')).toEqual({ kind: 'console' });
    expect(() => selectSlackMode({ SAMAOPS_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      'SLACK_SIGNING_SECRET is missing: http mode needs it',
    );
    expect(() => selectSlackMode({ SAMAOPS_MODE: 'socket', SLACK_SIGNING_SECRET: 's' })).toThrow(
      'SLACK_BOT_TOKEN is missing (xoxb-…): socket mode needs it',
    );
    expect(() => selectSlackMode({ SAMAOPS_MODE: 'slack' })).toThrow(
      'SAMAOPS_MODE must be socket, http or console, not "slack"',
    );
  });

  it('infers a mode only when the environment is unambiguous', () => {
    const all = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' };
    expect(() => selectSlackMode(all)).toThrow(
      /both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET .* SAMAOPS_MODE/,
    );
    expect(selectSlackMode({}, 'terminal')).toEqual({ kind: 'console' });
    expect(selectSlackMode({}, 'script')).toEqual({ kind: 'console' });
    // A service with no EnvironmentFile: a loud refusal in one line, never a console reading EOF.
    let refusal: unknown;
    try {
      selectSlackMode({}, 'none');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SlackModeError);
    const message = (refusal as Error).message;
    expect(message).not.toContain('\n');
    for (const name of MODE_VARIABLES) expect(message).toContain(name);
  });
});

describe('Socket Mode through HTTPS_PROXY', () => {
  it('sends auth.test and apps.connections.open through the proxy, with the bot and app tokens', async () => {
    // No WebSocket can be opened here: the double refuses apps.connections.open, which ends start().
    const double = await new SlackApiDouble().start();
    const proxy = await new TunnelProxyDouble(Number(new URL(double.apiUrl).port)).start();
    const fixture = testInventory();
    const appToken = `xapp-test-${randomUUID()}`;
    try {
      const starting = startBot({
        mode: {
          kind: 'socket',
          botToken: 'xoxb-test-socket',
          appToken,
          // An unresolvable name: only the proxy can reach it (it tunnels to the double).
          apiUrl: 'http://slack-api.samaops.invalid/api/',
          proxyUrl: proxy.url,
          port: 0,
        },
        inventory: fixture.inventory,
        env: {},
        logger: silentLogger(),
        host: '127.0.0.1',
      });
      await expect(starting).rejects.toThrow(/invalid_auth/);
      expect(proxy.connects).toEqual(['slack-api.samaops.invalid:80', 'slack-api.samaops.invalid:80']);
      expect(double.calls.map((call) => [call.method, call.authorization])).toEqual([
        ['auth.test', 'Bearer xoxb-test-socket'],
        ['apps.connections.open', `Bearer ${appToken}`],
      ]);
      double.assertNoViolations();
    } finally {
      await proxy.stop();
      await double.stop();
      fixture.remove();
    }
  });
});
