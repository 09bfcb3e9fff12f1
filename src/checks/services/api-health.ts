import type { ApiInstance } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { fastestOf } from '../fastest-sample.js';
import { above, grade } from '../grade.js';
import { roundMs } from '../round-ms.js';
import { badStatus, probeHttp } from './http-probe.js';

/**
 * Runbook 10.1 Problème 1 (`curl http://localhost:8001/health`), one per API instance: a 2xx is
 * required, and the time to the answer's headers is held against `thresholds.apiLatencyMs`
 * (500 / 1000 ms): from the request leaving on a ready socket, the fastest of up to three when
 * the first is in the warn band (see fastestOf). A hung instance is down for the load balancer,
 * so a timeout fails.
 */
export const apiHealth = defineCheck<ApiInstance>({
  id: 'api.health',
  title: msg('check.api.health.title'),
  onTimeout: 'fail',
  targets: (inventory) =>
    inventory.services.api.map((instance) => ({ name: instance.name, target: instance })),
  async run({ clients, inventory }, instance, signal) {
    const threshold = above(inventory.thresholds.apiLatencyMs, 'ms');
    const { best: probe, samples } = await fastestOf(
      (budget) =>
        probeHttp(clients.http, instance.healthUrl, budget ? AbortSignal.any([signal, budget]) : signal),
      (sampled) => ('outcome' in sampled || badStatus(sampled.answer) ? undefined : sampled.answer.latencyMs),
      { threshold, budgetMs: inventory.checkTimeoutMs / 2 },
    );
    if ('outcome' in probe) return probe.outcome;
    const failed = badStatus(probe.answer);
    if (failed) return failed;
    const ms = roundMs(probe.answer.latencyMs);
    return {
      status: grade(ms, threshold),
      value: ms,
      unit: 'ms',
      threshold,
      detail: msg('check.api.health.detail', { status: probe.answer.status, ms }),
      data: { httpStatus: probe.answer.status, connectMs: roundMs(probe.answer.connectMs), samples },
    };
  },
});
