// TEST DOUBLE of the Docker daemon for the samaops lab (the Docker engine cannot run here). Like
// dockerd, it runs as root and listens on a unix socket that only root and the `docker` group may
// open (mode 0660, group docker): a session of the group may then do anything the daemon does,
// which is why the docker group amounts to root. Each connection carries one command line of the
// CLI double (the `docker` shell script): the host, its data mount and the arguments, each ended
// by a NUL byte, up to the end of the request; the answer is a line `CODE OUT_BYTES ERR_BYTES`,
// then stdout's bytes, then stderr's. Usage: node dockerd.mjs SOCKET LAB_DIR DOCKER_GID
import { chmodSync, chownSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { runDocker } from './docker-commands.mjs';

const [socketPath, labDir, gid] = process.argv.slice(2);
if (!socketPath || !labDir || !gid) {
  process.stderr.write('usage: dockerd.mjs SOCKET LAB_DIR DOCKER_GID\n');
  process.exit(2);
}

async function answer(request) {
  const [host, dataDir, ...args] = request.toString('utf8').split('\0').slice(0, -1);
  if (host === undefined || dataDir === undefined)
    return { out: '', err: 'Error response from daemon: bad request\n', code: 1 };
  let out = '';
  let err = '';
  const context = { labDir, host, dataDir: dataDir || undefined };
  const code = await runDocker(args, context, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { out, err, code };
}

function framed({ out, err, code }) {
  return `${code} ${Buffer.byteLength(out)} ${Buffer.byteLength(err)}\n${out}${err}`;
}

// The client half-closes once its request is written; the answer goes back on the same socket.
const server = createServer({ allowHalfOpen: true }, (socket) => {
  const chunks = [];
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('end', () => {
    answer(Buffer.concat(chunks))
      .catch((error) => ({ out: '', err: `Error response from daemon: ${error.message}\n`, code: 1 }))
      .then((reply) => socket.end(framed(reply)));
  });
});

rmSync(socketPath, { force: true });
server.listen(socketPath, () => {
  chownSync(socketPath, 0, Number(gid));
  chmodSync(socketPath, 0o660);
  process.stdout.write(`dockerd double listening on ${socketPath}\n`);
});
for (const name of ['SIGTERM', 'SIGINT']) {
  process.on(name, () => {
    server.close();
    rmSync(socketPath, { force: true });
    process.exit(0);
  });
}
