import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { badStatus, probeHttp } from './http-probe.js';
import { displayUrl, joinUrl } from './service-target.js';

/**
 * MinIO's liveness probe, `GET /minio/health/live`: 200 means the server process answers. The
 * latency is shown but not graded: liveness is a yes/no question (uploads are their own matter).
 * A liveness probe that does not answer is the fault it looks for, so a timeout fails.
 */
export const minioLive = defineCheck<string>({
  id: 'minio.live',
  title: msg('check.minio.live.title'),
  onTimeout: 'fail',
  targets: (inventory) => {
    const minio = inventory.services.minio;
    return minio
      ? [{ name: displayUrl(minio.url, '9000'), target: joinUrl(minio.url, '/minio/health/live') }]
      : [];
  },
  async run({ clients }, url, signal) {
    const probe = await probeHttp(clients.http, url, signal);
    if ('outcome' in probe) return probe.outcome;
    const failed = badStatus(probe.answer);
    if (failed) return failed;
    const ms = Math.round(probe.answer.latencyMs);
    return {
      status: 'ok',
      value: ms,
      unit: 'ms',
      threshold: null,
      detail: msg('check.minio.live.detail', { ms }),
    };
  },
});
