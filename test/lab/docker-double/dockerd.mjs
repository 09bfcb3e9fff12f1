// TEST DOUBLE of the Docker daemon for the samaops lab (the Docker engine cannot run here). Like
// dockerd, it runs as root and listens on a unix socket that only root and the `docker` group may
// open (mode 0660, group docker): a session of the group may then do anything the daemon does,
// which is why the docker group amounts to root. Each connection carries one command line of the
// CLI double (docker-client.mjs) as a JSON line { args, host, dataDir }; the answer is one JSON
// line { out, err, code }. Usage: node dockerd.mjs SOCKET LAB_DIR DOCKER_GID
import { chmodSync, chownSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { runDocker } from './docker-commands.mjs';

const [socketPath, labDir, gid] = process.argv.slice(2);
if (!socketPath || !labDir || !gid) {
  process.stderr.write('usage: dockerd.mjs SOCKET LAB_DIR DOCKER_GID\n');
  process.exit(2);
}

async function answer(line) {
  const request = JSON.parse(line);
  if (!Array.isArray(request.args) || typeof request.host !== 'string')
    return { out: '', err: 'Error response from daemon: bad request\n', code: 1 };
  let out = '';
  let err = '';
  const context = { labDir, host: request.host, dataDir: request.dataDir };
  const code = await runDocker(request.args.map(String), context, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { out, err, code };
}

const server = createServer((socket) => {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    buffered += chunk;
    const end = buffered.indexOf('\n');
    if (end < 0) return;
    socket.pause();
    answer(buffered.slice(0, end))
      .catch((error) => ({ out: '', err: `Error response from daemon: ${error.message}\n`, code: 1 }))
      .then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
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
