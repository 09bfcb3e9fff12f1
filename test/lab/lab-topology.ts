import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The lab's shape as data: the runbook's three servers on loopback addresses, the services behind
 * them and the stand-in processes that the docker double manages as containers. Everything else
 * in test/lab/ reads these constants; nothing else hard-codes an address, port or path.
 */

/** Repository root (test/lab/ is two levels below it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** All runtime state of the lab (git-ignored). */
export const LAB_DIR = join(REPO_ROOT, '.lab');
/** The generated inventory (git-ignored). */
export const LAB_INVENTORY = join(REPO_ROOT, 'config', 'lab.yml');

/**
 * What the bot's non-root login reads or runs on the lab hosts lives here, outside the checkout (a
 * checkout under /root is not traversable by other users): login files, application logs, the
 * auth log, the docker CLI double and its daemon's socket, the syslog socket.
 */
export const LAB_SYSTEM_DIR = '/srv/samaops-lab';
/** The lab hosts' auth log (they share this machine's files): the monthly report counts its failed logins. */
export const LAB_AUTH_LOG = join(LAB_SYSTEM_DIR, 'auth.log');
/** The docker double's sources (the CLI, the daemon, the commands). */
export const DOCKER_DOUBLE_DIR = join(REPO_ROOT, 'test', 'lab', 'docker-double');
/** The docker daemon double's socket and the CLI double's copy that the hosts' sessions run. */
export const labDocker = {
  socket: join(LAB_SYSTEM_DIR, 'docker', 'docker.sock'),
  /** Put first on each lab host's PATH. */
  bin: join(LAB_SYSTEM_DIR, 'docker', 'bin'),
  pidFile: join(LAB_DIR, 'dockerd.pid'),
  log: join(LAB_DIR, 'dockerd.log'),
} as const;
/** The lab's syslog daemon (rsyslogd): where samaops-remote logs its refusals, and where they land. */
export const labSyslog = {
  socket: join(LAB_SYSTEM_DIR, 'syslog', 'log.sock'),
  messages: join(LAB_SYSTEM_DIR, 'syslog', 'messages'),
  dir: join(LAB_DIR, 'rsyslog'),
} as const;
/** The stand-in scripts. */
export const STAND_INS_DIR = join(REPO_ROOT, 'test', 'lab', 'stand-ins');
/**
 * PostgreSQL data and PgBouncer files: outside the repo because they must belong to the
 * `postgres` OS user, and a checkout under /root may not be traversable by it.
 */
export const LAB_PG_DIR = '/var/tmp/samaops-lab';

/** Lab host names, in the runbook's order (SERVEUR 1, 2, 3). */
export const labHostNames = ['db', 'api', 'workers'] as const;
export type LabHostName = (typeof labHostNames)[number];

/** One lab host: an sshd on its own loopback address, with its own state, logs and data mount. */
export interface LabHost {
  name: LabHostName;
  label: string;
  address: string;
  sshPort: number;
}

export const labHosts: Record<LabHostName, LabHost> = {
  db: { name: 'db', label: 'SERVEUR 1 (DB)', address: '127.0.0.2', sshPort: 22 },
  api: { name: 'api', label: 'SERVEUR 2 (API)', address: '127.0.0.3', sshPort: 22 },
  workers: { name: 'workers', label: 'SERVEUR 3 (Workers)', address: '127.0.0.4', sshPort: 22 },
};

/** Where each host keeps its state, logs and its small tmpfs data mount. */
export function hostPaths(host: LabHostName) {
  const root = join(LAB_DIR, 'hosts', host);
  return {
    root,
    sshStateDir: join(root, 'ssh'),
    /** The bot's login files: samaops-remote and the authorized_keys files. */
    loginDir: join(LAB_SYSTEM_DIR, host, 'login'),
    /** Application logs, read by the bot's login. */
    logDir: join(LAB_SYSTEM_DIR, host, 'logs'),
    /** A 4 MiB tmpfs, so that filling it past 90 % is cheap and harmless. */
    dataMount: `/srv/samaops-lab/${host}/data`,
  };
}

/** Size of each host's tmpfs data mount. */
export const DATA_MOUNT_SIZE = '4m';

/** The real services the lab runs or borrows. */
export const labServices = {
  postgres: {
    address: '127.0.0.2',
    port: 5432,
    database: 'samaconso',
    user: 'samaconso_user',
    password: 'samaconso-lab',
  },
  pgbouncer: { address: '127.0.0.2', port: 6432 },
  redis: { address: '127.0.0.4', port: 6379, maxmemory: '16mb' },
  /** The machine's broker, in a vhost of the lab's own so that other tests never collide with it. */
  rabbitmq: { url: 'amqp://guest:guest@127.0.0.1:5672/samaconso', vhost: 'samaconso' },
  /** Behind basic auth, as the runbook's `curl --user admin:admin` shows. */
  flower: { address: '127.0.0.4', port: 5555, username: 'admin', password: 'admin' },
  minio: { address: '127.0.0.2', port: 9000 },
} as const;

/** The runbook's four Celery queues. */
export const celeryQueues = ['urgent', 'high_priority', 'normal', 'low_priority'] as const;

/** What the docker double needs to run one container (written to .lab/containers/NAME/spec.json). */
export interface ContainerSpec {
  name: string;
  host: LabHostName;
  image: string;
  /** Compose service, for `compose up --scale SERVICE=N`. */
  service: string;
  /** Stand-in script, relative to STAND_INS_DIR. */
  script: string;
  env: Record<string, string>;
  /** As `docker ps` prints them while running, e.g. `127.0.0.3:8001->8001/tcp`. */
  ports: string;
  /** Stand-in's health URL, when it has one (the lab waits on it). */
  healthUrl?: string;
}

/** The stand-in containers of every host. */
export function containerSpecs(): ContainerSpec[] {
  const api = (index: number, port: number): ContainerSpec => {
    const name = `samaconso_api_${index}`;
    return {
      name,
      host: 'api',
      image: 'samaconso_api:production',
      service: `api_${index}`,
      script: 'api.mjs',
      env: {
        BIND: labHosts.api.address,
        PORT: String(port),
        APP_LOG: join(hostPaths('api').logDir, `${name}.log`),
      },
      ports: `${labHosts.api.address}:${port}->${port}/tcp`,
      healthUrl: `http://${labHosts.api.address}:${port}/health`,
    };
  };
  const worker = (index: number, queues: string[]): ContainerSpec => {
    const name = `samaconso_celery_worker_${index}`;
    return {
      name,
      host: 'workers',
      image: 'samaconso_api:production',
      service: `celery_worker_${index}`,
      script: 'celery-worker.mjs',
      env: {
        AMQP_URL: labServices.rabbitmq.url,
        QUEUES: queues.join(','),
        APP_LOG: join(hostPaths('workers').logDir, `celery_worker_${index}.log`),
        CELERY_DIR: join(LAB_DIR, 'celery'),
      },
      ports: '',
    };
  };
  const { flower, minio } = labServices;
  return [
    {
      name: 'samaconso_minio',
      host: 'db',
      image: 'minio/minio:latest',
      service: 'minio',
      script: 'minio.mjs',
      env: {
        BIND: minio.address,
        PORT: String(minio.port),
        APP_LOG: join(hostPaths('db').logDir, 'minio.log'),
      },
      ports: `${minio.address}:${minio.port}->${minio.port}/tcp`,
      healthUrl: `http://${minio.address}:${minio.port}/minio/health/live`,
    },
    api(1, 8001),
    api(2, 8002),
    worker(1, ['urgent', 'high_priority']),
    worker(2, ['normal', 'low_priority']),
    {
      name: 'samaconso_flower',
      host: 'workers',
      image: 'mher/flower:2.0',
      service: 'flower',
      script: 'flower.mjs',
      env: {
        BIND: flower.address,
        PORT: String(flower.port),
        CELERY_DIR: join(LAB_DIR, 'celery'),
        FLOWER_BASIC_AUTH: `${flower.username}:${flower.password}`,
      },
      ports: `${flower.address}:${flower.port}->${flower.port}/tcp`,
      healthUrl: `http://${flower.address}:${flower.port}/healthcheck`,
    },
  ];
}

/** Containers expected on one host (the inventory's `containers`). */
export function containersOf(host: LabHostName): string[] {
  return containerSpecs()
    .filter((spec) => spec.host === host)
    .map((spec) => spec.name);
}

/** Every address:port the lab listens on (RabbitMQ is the machine's, not the lab's). */
export function labListeners(): { address: string; port: number }[] {
  const { postgres, pgbouncer, redis, flower, minio } = labServices;
  const httpPorts = containerSpecs()
    .filter((spec) => spec.healthUrl)
    .map((spec) => new URL(spec.healthUrl ?? ''))
    .map((url) => ({ address: url.hostname, port: Number(url.port) }));
  return [
    ...labHostNames.map((host) => ({ address: labHosts[host].address, port: labHosts[host].sshPort })),
    postgres,
    pgbouncer,
    redis,
    flower,
    minio,
    ...httpPorts,
  ].map(({ address, port }) => ({ address, port }));
}
