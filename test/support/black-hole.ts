import net from 'node:net';

/** A TCP listener on loopback that accepts connections and never writes a byte: a hung peer. */
export interface BlackHole {
  port: number;
  /** URL of the black hole with the given scheme, e.g. `redis` → redis://127.0.0.1:PORT. */
  url(scheme: string): string;
  /** Connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

/** Starts a black hole on a free port of 127.0.0.1. */
export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    // Read and drop whatever the client says, so it never sees back-pressure either.
    socket.resume();
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('black hole has no TCP address');
  const port = address.port;
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
