import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/checks/check.js';
import { statusMessage } from '../../src/handlers/sub-commands/status-message.js';
import { msg } from '../../src/i18n/message.js';

function result(
  id: CheckResult['id'],
  target: string,
  status: CheckResult['status'],
  detail: string,
): CheckResult {
  return {
    id,
    target,
    status,
    title: msg('check.postgres.ping.title'),
    value: null,
    threshold: null,
    detail: msg('check.crashed', { reason: detail }),
    durationMs: 1,
  };
}

describe('statusMessage', () => {
  it('gives one line per server, then one per service, folding RabbitMQ queues into the worst one', () => {
    const message = statusMessage(
      {
        status: 'fail',
        startedAt: new Date(),
        durationMs: 5,
        results: [
          result('rabbitmq.queue', 'urgent', 'ok', 'fine'),
          result('host.reachable', 'db', 'ok', 'ssh ok'),
          result('rabbitmq.queue', 'normal', 'fail', 'no consumer'),
          result('postgres.ping', 'pgbouncer', 'ok', '3 ms'),
          result('host.reachable', 'api', 'fail', 'timeout'),
          result('api.health', 'samaconso_api_1', 'ok', '200'),
        ],
      },
      'en',
      'SamaConso',
    );
    expect(message.title).toBe('SamaConso — status');
    expect(message.sections.map((s) => s.heading)).toEqual(['Servers', 'Services']);
    expect(message.sections[0]?.lines).toEqual([
      { status: 'fail', text: '*api* — FAIL — error: timeout' },
      { status: 'ok', text: '*db* — OK — error: ssh ok' },
    ]);
    expect(message.sections[1]?.lines.map((line) => line.text)).toEqual([
      '*postgresql* — OK — error: 3 ms',
      '*rabbitmq* — FAIL — error: no consumer',
      '*samaconso_api_1* — OK — error: 200',
    ]);
  });
});
