import { describe, expect, it } from 'vitest';
import { serverSchema } from '../../../src/config/schema.js';
import { cappedOutput, REMEDIATION_OUTPUT_CAP } from '../../../src/playbooks/remediations/capped-output.js';
import { remoteCommandLine } from '../../../src/remote/exec-remote-command.js';
import {
  dockerComposeScale,
  dockerImagePrune,
  journaldVacuum,
  remoteCommandForms,
} from '../../../src/remote/remote-commands.js';
import { isRemoteError } from '../../../src/remote/remote-error.js';

const server = serverSchema.parse({
  name: 'workers',
  role: 'workers',
  host: '127.0.0.1',
  user: 'samaops',
  insecureAcceptAnyHostKey: true,
  privateKey: 'unused',
});
const scalable = [
  { service: 'celery_worker_2', composeFile: '/opt/samaconso/docker-compose.workers.yml', min: 1, max: 4 },
];

function refused(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (isRemoteError(error, 'REMOTE_ARGUMENT_REFUSED')) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('remediation command builders', () => {
  it('build the fixed forms, exactly', () => {
    expect(remoteCommandLine(dockerImagePrune(server, 72), 300_000)).toBe(
      'timeout -k 5 300 docker image prune -af --filter until=72h',
    );
    expect(remoteCommandLine(journaldVacuum(server, 3), 300_000)).toBe(
      'timeout -k 5 300 journalctl --vacuum-time=3d',
    );
    expect(remoteCommandLine(dockerComposeScale(server, scalable, 'celery_worker_2', 2), 120_000)).toBe(
      'timeout -k 5 120 docker compose -f /opt/samaconso/docker-compose.workers.yml up -d --scale celery_worker_2=2 celery_worker_2',
    );
    expect(Object.keys(remoteCommandForms)).toEqual(
      expect.arrayContaining(['docker.image_prune', 'journald.vacuum', 'docker.compose_scale']),
    );
  });

  it('re-validate every value: unknown service, out-of-bounds count, unsafe file, hostile text', () => {
    expect(refused(() => dockerComposeScale(server, scalable, 'celery_worker_1', 2))).toContain(
      'not in the inventory',
    );
    expect(refused(() => dockerComposeScale(server, scalable, 'celery_worker_2', 5))).toContain(
      'an integer 1..4',
    );
    expect(refused(() => dockerComposeScale(server, scalable, 'x; reboot', 2))).toContain('refused');
    const unsafe = [{ ...scalable[0], composeFile: '/opt/$(reboot).yml' }] as typeof scalable;
    expect(refused(() => dockerComposeScale(server, unsafe, 'celery_worker_2', 2))).toContain('composeFile');
    expect(refused(() => dockerImagePrune(server, 0))).toContain('1..8760');
    expect(refused(() => journaldVacuum(server, 3.5))).toContain('1..365');
  });
});

describe('cappedOutput', () => {
  it('scrubs secrets and caps at 64 KiB without splitting a character', () => {
    expect(cappedOutput(['amqp://guest:guest@host/vhost', 'password=hunter2'])).toBe(
      'amqp://***@host/vhost\npassword=***',
    );
    const big = cappedOutput(['é'.repeat(REMEDIATION_OUTPUT_CAP)]);
    expect(Buffer.byteLength(big)).toBeLessThanOrEqual(REMEDIATION_OUTPUT_CAP);
    expect(big).not.toContain('\uFFFD');
    expect(big.endsWith('[… output cut at 64 KiB]')).toBe(true);
  });
});
