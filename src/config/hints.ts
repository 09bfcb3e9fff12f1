/** Hints shown beside a configuration problem, chosen by the last key of its path. */
const HINTS: Record<string, string> = {
  hostKeyFingerprint: 'on the server: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub',
  privateKeyFile: 'a path readable by the bot, e.g. /etc/samaops/id_ed25519',
  url: 'write secrets as ${ENV_VAR} or use urlFile: /path/to/file',
  healthUrl: 'e.g. http://10.101.0.2:8001/health',
  timezone: 'an IANA name such as Africa/Dakar',
  locale: 'fr or en',
  containers: 'container names exactly as `docker ps` prints them',
  mountPoints: 'absolute paths such as / or /data',
  logGlobs: 'e.g. /opt/samaconso/logs/*.log',
  queues: 'queue names as RabbitMQ knows them, e.g. urgent',
};

export function hintFor(path: readonly PropertyKey[]): string | undefined {
  const key = [...path].reverse().find((part) => typeof part === 'string');
  return typeof key === 'string' ? HINTS[key] : undefined;
}
