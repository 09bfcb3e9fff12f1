// TEST DOUBLE of the Docker CLI, in process: what the lab itself runs as root to start, stop and
// inspect its containers (lab-containers.ts). The hosts' sessions run the `docker` script instead,
// which asks the daemon double (dockerd.mjs) through its socket, as the real CLI asks dockerd.
import { labContext } from './container-state.mjs';
import { runDocker } from './docker-commands.mjs';

const context = labContext();
if (!context) {
  process.stderr.write(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
  );
  process.exitCode = 1;
} else {
  process.exitCode = await runDocker(process.argv.slice(2), context, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
