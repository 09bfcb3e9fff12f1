import { describe, expect, it } from 'vitest';
import { serverSchema } from '../../src/config/schema.js';
import { isSessionRefused, retryRefusedSession } from '../../src/remote/refused-session.js';
import { isRemoteError } from '../../src/remote/remote-error.js';

const server = serverSchema.parse({
  name: 'db',
  role: 'db',
  host: '10.0.0.1',
  user: 'samaops',
  privateKey: 'key',
  insecureAcceptAnyHostKey: true,
});

/** The error ssh2 gives when sshd answers a channel open with a refusal ("no more sessions"). */
function refusal(): Error {
  return Object.assign(new Error('(SSH) Channel open failure: open failed'), { reason: 1 });
}

describe('a session sshd refuses', () => {
  it('is told from a channel lost with its connection', () => {
    expect(isSessionRefused(refusal())).toBe(true);
    const lost = Object.assign(new Error('(SSH) Channel open failure: server closed channel unexpectedly'), {
      reason: '',
    });
    expect(isSessionRefused(lost)).toBe(false);
    expect(isSessionRefused(new Error('not connected'))).toBe(false);
  });

  it('is asked for again until sshd has room', async () => {
    let calls = 0;
    const result = await retryRefusedSession(
      server,
      async () => {
        calls += 1;
        if (calls < 3) throw refusal();
        return 'ran';
      },
      new AbortController().signal,
    );
    expect(result).toBe('ran');
    expect(calls).toBe(3);
  });

  it('becomes SSH_SESSION_REFUSED naming the server after the last attempt', async () => {
    let calls = 0;
    const error = await retryRefusedSession(
      server,
      async () => {
        calls += 1;
        throw refusal();
      },
      new AbortController().signal,
    ).catch((caught: unknown) => caught);
    expect(isRemoteError(error, 'SSH_SESSION_REFUSED')).toBe(true);
    expect(String(error)).toContain('db');
    expect(calls).toBe(5);
  });

  it('passes any other error on at once, and stops waiting when the caller gives up', async () => {
    let calls = 0;
    const other = new Error('not connected');
    await expect(
      retryRefusedSession(
        server,
        async () => {
          calls += 1;
          throw other;
        },
        new AbortController().signal,
      ),
    ).rejects.toBe(other);
    expect(calls).toBe(1);

    // Aborted while waiting to ask again: no further attempt.
    calls = 0;
    const controller = new AbortController();
    const pending = retryRefusedSession(
      server,
      async () => {
        calls += 1;
        queueMicrotask(() => controller.abort(new Error('check timed out')));
        throw refusal();
      },
      controller.signal,
    );
    await expect(pending).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
