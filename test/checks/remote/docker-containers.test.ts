import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RemoteCheckHost, startRemoteCheckHost } from './remote-check-host.js';

let lab: RemoteCheckHost;

beforeAll(async () => {
  lab = await startRemoteCheckHost('docker', '127.0.0.57');
});

afterAll(async () => {
  await lab?.stop();
});

describe('docker.containers over real SSH (docker-ps double)', () => {
  it('reports exactly the exited, unhealthy and missing containers', async () => {
    const { results } = await lab.diagnose(['docker.containers'], {
      containers: [
        'samaconso_api_1',
        'samaconso_api_2',
        'samaconso_celery_worker_2',
        'samaconso_celery_worker_1',
      ],
    });
    const [result] = results;
    expect(result?.status).toBe('fail');
    expect(result?.data?.problems).toEqual([
      { name: 'samaconso_api_2', problem: 'unhealthy' },
      { name: 'samaconso_celery_worker_2', problem: 'not_running' },
      { name: 'samaconso_celery_worker_1', problem: 'missing' },
    ]);
    expect(result?.detail).toEqual({
      key: 'check.docker.containers.missingAndProblems',
      params: {
        running: 2,
        expected: 4,
        missing: 'samaconso_celery_worker_1',
        list: 'samaconso_api_2 (Up 2 hours (unhealthy)), samaconso_celery_worker_2 (Exited (1) 12 minutes ago)',
      },
    });
    expect(result?.data?.containers).toContainEqual({
      name: 'samaconso_api_2',
      state: 'running',
      status: 'Up 2 hours (unhealthy)',
      health: 'unhealthy',
      restartCount: 4,
      problem: 'unhealthy',
    });
    expect(result?.data?.others).toEqual(['redis']);
  });

  it('is ok when every expected container runs healthy', async () => {
    const { results } = await lab.diagnose(['docker.containers'], { containers: ['samaconso_api_1'] });
    expect(results[0]?.status).toBe('ok');
    expect(results[0]?.detail.key).toBe('check.docker.containers.ok');
  });

  it('has no target on a server without expected containers', async () => {
    const { results } = await lab.diagnose(['docker.containers']);
    expect(results).toEqual([]);
  });
});
