// TEST DOUBLE of the Docker CLI for the samaops lab's hosts: sends its command line to the daemon
// double (dockerd.mjs) at DOCKER_HOST (unix://PATH) and prints its answer, with its exit code. As
// with the real CLI, only root and the `docker` group can open the socket; anyone else gets the
// real CLI's "permission denied" error. Self-contained: the lab copies it where every user can run it.
import { connect } from 'node:net';

const endpoint = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
const socketPath = endpoint.replace(/^unix:\/\//, '');
const args = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

const socket = connect(socketPath);
let answer = '';
socket.setEncoding('utf8');
socket.on('connect', () => {
  const request = { args, host: process.env.SAMAOPS_LAB_HOST ?? '', dataDir: process.env.SAMAOPS_LAB_DATA };
  socket.write(`${JSON.stringify(request)}\n`);
});
socket.on('data', (chunk) => {
  answer += chunk;
});
socket.on('error', (error) => {
  if (error.code === 'EACCES') {
    const escaped = encodeURIComponent(socketPath);
    fail(
      `permission denied while trying to connect to the Docker daemon socket at ${endpoint}: Get "http://${escaped}/v1.24/containers/json": dial unix ${socketPath}: connect: permission denied`,
    );
  } else {
    fail(`Cannot connect to the Docker daemon at ${endpoint}. Is the docker daemon running?`);
  }
});
socket.on('end', () => {
  try {
    const { out, err, code } = JSON.parse(answer);
    process.stdout.write(out);
    process.stderr.write(err);
    process.exitCode = code;
  } catch {
    fail('error during connect: unexpected EOF');
  }
});
