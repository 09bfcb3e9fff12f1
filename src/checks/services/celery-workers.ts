import { msg } from '../../i18n/message.js';
import { defineCheck, type Threshold } from '../check.js';
import { grade } from '../grade.js';
import { countLiveWorkers } from './count-live-workers.js';
import { badStatus, probeHttp } from './http-probe.js';
import { displayUrl, joinUrl } from './service-target.js';

interface FlowerTarget {
  url: string;
  headers: Record<string, string>;
  expected: number;
}

/**
 * Runbook 10.1 Problème 2 (Flower, `--user admin:admin`): live Celery workers against
 * `services.flower.expectedWorkers`. No live worker fails (nothing consumes the queues); fewer
 * than expected warns, because `rabbitmq.queue` already fails the queues that lost their only
 * consumer. Flower itself not answering leaves the workers `unknown`.
 */
export const celeryWorkers = defineCheck<FlowerTarget>({
  id: 'celery.workers',
  title: msg('check.celery.workers.title'),
  targets: (inventory) => {
    const flower = inventory.services.flower;
    if (!flower) return [];
    const headers: Record<string, string> = {};
    if (flower.username !== undefined) {
      const credentials = `${flower.username}:${flower.password ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const url = joinUrl(flower.url, '/api/workers?status=1');
    return [
      { name: displayUrl(flower.url, '5555'), target: { url, headers, expected: flower.expectedWorkers } },
    ];
  },
  async run({ clients }, flower, signal) {
    const probe = await probeHttp(clients.http, flower.url, signal, flower.headers);
    if ('outcome' in probe) return probe.outcome;
    const failed = badStatus(probe.answer);
    if (failed) return failed;
    const workers = countLiveWorkers(probe.answer.body);
    if (!workers) {
      return { status: 'fail', value: null, threshold: null, detail: msg('check.celery.workers.unreadable') };
    }
    const live = workers.live.length;
    const threshold: Threshold = {
      direction: 'below',
      warn: flower.expected,
      fail: Math.min(1, flower.expected),
      unit: 'count',
    };
    return {
      status: grade(live, threshold),
      value: live,
      unit: 'count',
      threshold,
      detail: msg('check.celery.workers.detail', {
        live,
        expected: flower.expected,
        names: workers.live.join(', ') || '—',
      }),
      data: { live: workers.live, dead: workers.dead },
    };
  },
});
