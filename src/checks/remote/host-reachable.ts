import type { Server } from '../../config/schema.js';
import { explainError } from '../../i18n/explain-error.js';
import { msg } from '../../i18n/message.js';
import { hostTrue } from '../../remote/remote-commands.js';
import { defineCheck } from '../check.js';
import { serverTargets } from './server-targets.js';

/**
 * Runbook "connectivité SSH": runs `true` over the pooled connection. The value is the whole round
 * trip: handshake included when the connection was cold (`connectMs`), one exec when warm. A
 * refused or timed-out handshake, or a host key that does not match, fails with the reason.
 */
export const hostReachable = defineCheck<Server>({
  id: 'host.reachable',
  title: msg('check.host.reachable.title'),
  onTimeout: 'fail',
  targets: serverTargets,
  async run({ clients }, server, signal) {
    const started = performance.now();
    try {
      const output = await clients.ssh.run(server, hostTrue(), signal);
      const ms = Math.round(performance.now() - started);
      if (output.code !== 0) throw new Error(`true exited with ${output.code}`);
      return {
        status: 'ok',
        value: ms,
        unit: 'ms',
        threshold: null,
        detail: msg('check.host.reachable.detail', { ms, connectMs: output.connectMs }),
        data: { connectMs: output.connectMs, host: server.host, port: server.port },
      };
    } catch (error) {
      return {
        status: 'fail',
        value: null,
        threshold: null,
        detail: msg('check.host.reachable.failed', { reason: explainError(error) }),
        data: { code: error instanceof Error && 'code' in error ? String(error.code) : undefined },
      };
    }
  },
});
