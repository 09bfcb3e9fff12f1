import { execFile } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the unit project’s guard', () => {
  it.each([5432, 6379, 5672, 22])('refuses a connection to port %i on this machine', (port) => {
    expect(() => net.connect(port, '127.0.0.1')).toThrow(/move it to the services project/);
  });

  it('refuses the lab’s test hosts and a program that starts a service', () => {
    expect(() => net.connect({ host: '127.0.0.3', port: 8001 })).toThrow(/test host 127\.0\.0\.3/);
    expect(() => execFile('/usr/sbin/sshd', ['-t'])).toThrow(/the program \/usr\/sbin\/sshd/);
  });

  it('lets a test talk to its own server on a free port of 127.0.0.1', async () => {
    const server = net.createServer((socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const greeting = await new Promise<string>((resolve) =>
      net.connect(port, '127.0.0.1').on('data', (data) => resolve(String(data))),
    );
    expect(greeting).toBe('hello');
    await new Promise((resolve) => server.close(resolve));
  });
});
