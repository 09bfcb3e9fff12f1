// Shared by the stand-ins: the docker double reports a container `(healthy)` while this file is
// fresh, as a real HEALTHCHECK would after a successful probe.
import { appendFileSync, writeFileSync } from 'node:fs';

/** Touches HEARTBEAT_FILE every second while `isHealthy()` holds. */
export function startHeartbeat(isHealthy = () => true) {
  const file = process.env.HEARTBEAT_FILE;
  if (!file) return;
  const beat = () => {
    if (isHealthy()) writeFileSync(file, `${Date.now()}\n`);
  };
  beat();
  setInterval(beat, 1000).unref();
}

/** Appends one line to the application log (APP_LOG), in the format Python's logging uses. */
export function appLog(level, message) {
  const file = process.env.APP_LOG;
  const stamp = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const line = `[${stamp}] ${level} ${process.env.CONTAINER_NAME ?? 'stand-in'}: ${message}\n`;
  process.stdout.write(line);
  if (file) appendFileSync(file, line);
}

/** Exits cleanly on SIGTERM/SIGINT after `cleanup`, as `docker stop` expects. */
export function onStop(cleanup = async () => {}) {
  const stop = async () => {
    try {
      await cleanup();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
