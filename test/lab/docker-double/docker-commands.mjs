// TEST DOUBLE of the Docker engine's commands for the samaops lab: the Docker engine cannot run
// here, so this manages the lab's stand-in processes (test/lab/stand-ins) as containers, with the
// real CLI's output formats. Each lab host sees only its own containers (its context's host).
// Supported: ps, start, stop, restart, logs, stats --no-stream, inspect, image prune, system df,
// compose -f FILE up -d --scale SERVICE=N. Anything else fails as an unknown command would.
// runDocker serves both the daemon double (dockerd.mjs, for the hosts' non-root sessions) and the
// lab's own root calls (docker.mjs).
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createContainer,
  healthOf,
  isRunning,
  listContainers,
  loadContainer,
  removeContainer,
  settle,
  startContainer,
  stopContainer,
} from './container-state.mjs';
import { parseDockerArgs } from './docker-args.mjs';
import {
  alignColumns,
  binarySize,
  goTime,
  humanDuration,
  humanSize,
  renderTemplate,
} from './docker-format.mjs';

/**
 * Runs one docker command line (`args` without `docker`) for a host's `context` ({ labDir, host,
 * dataDir }), writing through `io` ({ out(text), err(text) }); resolves to the exit code.
 */
export async function runDocker(args, context, io) {
  let code = 0;
  const call = {
    context,
    out: io.out,
    fail(message, exitCode = 1) {
      io.err(`${message}\n`);
      code = exitCode;
    },
    err: io.err,
  };
  const [command, ...rest] = args;
  // `image prune`, `system df`; compose takes its own options first: `compose -f FILE up -d ...`.
  const parsed = parseDockerArgs(rest);
  const sub =
    command === 'image' || command === 'system'
      ? rest[0]
      : command === 'compose'
        ? parsed.positionals[0]
        : undefined;
  const key = sub ? `${command} ${sub}` : (command ?? '');
  const commands = {
    ps,
    start: (c, a) => eachNamed(c, a, async (container) => startContainer(container)),
    stop: (c, a) =>
      eachNamed(c, a, (container, o) => stopContainer(container, Number(o['-t'] ?? o['--time'] ?? 10))),
    restart: (c, a) =>
      eachNamed(c, a, async (container, o) => {
        await stopContainer(container, Number(o['-t'] ?? o['--time'] ?? 10));
        startContainer(container);
      }),
    logs,
    stats,
    inspect,
    'image prune': imagePrune,
    'system df': systemDf,
    'compose up': composeUp,
  };
  const handler = Object.hasOwn(commands, key) ? commands[key] : undefined;
  if (handler) await handler(call, parsed);
  else
    call.fail(
      `docker: '${key}' is not a docker command (this is the samaops lab's docker double).\nSee 'docker --help'`,
    );
  return code;
}

function named(call, name) {
  const container = loadContainer(call.context, name);
  if (!container) call.fail(`Error response from daemon: No such container: ${name}`);
  return container && settle(container);
}

async function eachNamed(call, { options, positionals }, action) {
  if (positionals.length === 0) return call.fail('"docker" requires at least 1 argument.');
  for (const name of positionals) {
    const container = named(call, name);
    if (!container) continue;
    await action(container, options);
    call.out(`${name}\n`);
  }
}

function psRow(container) {
  const { spec, state } = container;
  const running = isRunning(container);
  const health = running
    ? ` (${healthOf(container) === 'starting' ? 'health: starting' : healthOf(container)})`
    : '';
  const status = running
    ? `Up ${humanDuration(Date.now() - state.startedAt)}${health}`
    : state.finishedAt
      ? `Exited (${state.exitCode ?? 0}) ${humanDuration(Date.now() - state.finishedAt)} ago`
      : 'Created';
  return {
    Command: `"node ${spec.script}"`,
    CreatedAt: goTime(state.createdAt),
    ID: state.id.slice(0, 12),
    Image: spec.image,
    Labels: `com.docker.compose.project=samaconso,com.docker.compose.service=${spec.service}`,
    LocalVolumes: '0',
    Mounts: '',
    Names: spec.name,
    Networks: 'samaconso_default',
    Ports: running ? spec.ports : '',
    RunningFor: `${humanDuration(Date.now() - state.createdAt)} ago`,
    Size: '0B',
    State: running ? 'running' : state.finishedAt ? 'exited' : 'created',
    Status: status,
  };
}

function ps(call, { options }) {
  const all = options['-a'] || options['--all'];
  let rows = listContainers(call.context)
    .map(settle)
    .filter((c) => all || isRunning(c))
    .map(psRow);
  for (const filter of options['--filter'] ?? []) {
    const [field, value = ''] = filter.split('=');
    if (field === 'name') rows = rows.filter((row) => row.Names.includes(value));
    if (field === 'status') rows = rows.filter((row) => row.State === value);
  }
  if (options['-q']) return call.out(rows.map((row) => `${row.ID}\n`).join(''));
  const format =
    options['--format'] ??
    'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
  call.out(renderTemplate(format, rows));
}

function logs(call, { options, positionals }) {
  const container = positionals.length === 1 ? named(call, positionals[0]) : undefined;
  if (!container) return positionals.length === 1 || call.fail('"docker logs" requires exactly 1 argument.');
  const file = join(container.dir, 'container.log');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(0, -1) : [];
  const tail = options['--tail'] ?? options['-n'] ?? 'all';
  const shown = tail === 'all' ? lines : lines.slice(Math.max(0, lines.length - Number(tail)));
  call.out(shown.map((line) => `${line}\n`).join(''));
}

function stats(call, { options }) {
  const total = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024;
  const rows = listContainers(call.context)
    .filter(isRunning)
    .map((container) => {
      const status = readFileSync(`/proc/${container.state.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const threads = /Threads:\s+(\d+)/.exec(status)?.[1] ?? '1';
      return {
        Container: container.state.id.slice(0, 12),
        ID: container.state.id.slice(0, 12),
        Name: container.spec.name,
        CPUPerc: '0.00%',
        MemUsage: `${binarySize(rss)} / ${binarySize(total)}`,
        MemPerc: `${((rss / total) * 100).toFixed(2)}%`,
        NetIO: '0B / 0B',
        BlockIO: '0B / 0B',
        PIDs: threads,
      };
    });
  const format =
    options['--format'] ??
    'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
  call.out(renderTemplate(format, rows));
}

function inspect(call, { options, positionals }) {
  const found = positionals.map((name) => named(call, name)).filter(Boolean);
  const objects = found.map((container) => {
    const running = isRunning(container);
    const { state, spec } = container;
    const iso = (ms) => (ms ? new Date(ms).toISOString() : '0001-01-01T00:00:00Z');
    return {
      Id: state.id,
      Created: iso(state.createdAt),
      Name: `/${spec.name}`,
      RestartCount: state.restartCount ?? 0,
      State: {
        Status: running ? 'running' : state.finishedAt ? 'exited' : 'created',
        Running: running,
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: running ? state.pid : 0,
        ExitCode: running ? 0 : (state.exitCode ?? 0),
        Error: '',
        StartedAt: iso(state.startedAt),
        FinishedAt: iso(state.finishedAt),
        Health: { Status: running ? healthOf(container) : 'unhealthy', FailingStreak: 0, Log: [] },
      },
      Config: { Image: spec.image, Labels: { 'com.docker.compose.service': spec.service } },
    };
  });
  if (options['--format']) call.out(renderTemplate(options['--format'], objects));
  else call.out(`${JSON.stringify(objects, null, 4)}\n`);
}

/** "Images" of this host: files in DATA/docker/images; `*.layer` files are unused (dangling) ones. */
function images(context) {
  const dir = context.dataDir ? join(context.dataDir, 'docker', 'images') : undefined;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).map((file) => {
    const stat = statSync(join(dir, file));
    return {
      path: join(dir, file),
      size: stat.size,
      createdMs: stat.mtimeMs,
      unused: file.endsWith('.layer'),
    };
  });
}

function untilMs(filters) {
  const until = (filters ?? []).find((filter) => filter.startsWith('until='))?.slice('until='.length);
  const match = until ? /^(\d+)h$/.exec(until) : null;
  return match ? Date.now() - Number(match[1]) * 3_600_000 : Number.POSITIVE_INFINITY;
}

function imagePrune(call, { options }) {
  const before = untilMs(options['--filter']);
  const pruned = images(call.context).filter((image) => image.unused && image.createdMs < before);
  for (const image of pruned) rmSync(image.path, { force: true });
  const reclaimed = pruned.reduce((sum, image) => sum + image.size, 0);
  const deleted = pruned.map(
    (image) => `deleted: sha256:${image.path.replace(/.*\//, '').replace('.layer', '')}\n`,
  );
  call.out(
    `${deleted.length ? `Deleted Images:\n${deleted.join('')}\n` : ''}Total reclaimed space: ${humanSize(reclaimed)}\n`,
  );
}

function systemDf(call) {
  const all = images(call.context);
  const containers = listContainers(call.context);
  const inUse = new Set(containers.map((c) => c.spec.image));
  const unused = all.filter((image) => image.unused).reduce((sum, image) => sum + image.size, 0);
  const size = all.reduce((sum, image) => sum + image.size, 0);
  const percent = size ? Math.round((unused / size) * 100) : 0;
  const running = containers.filter(isRunning).length;
  call.out(
    alignColumns([
      'TYPE\tTOTAL\tACTIVE\tSIZE\tRECLAIMABLE',
      `Images\t${inUse.size + all.filter((i) => i.unused).length}\t${inUse.size}\t${humanSize(size)}\t${humanSize(unused)} (${percent}%)`,
      `Containers\t${containers.length}\t${running}\t0B\t0B (0%)`,
      'Local Volumes\t0\t0\t0B\t0B',
      'Build Cache\t0\t0\t0B\t0B',
    ]),
  );
}

/** Replicas of a service are NAME, NAME_2, NAME_3...: the first one's spec is cloned. */
async function composeUp(call, { options }) {
  for (const scale of options['--scale'] ?? []) {
    const [service, count] = scale.split('=');
    const wanted = Number(count);
    const replicas = listContainers(call.context).filter((c) => c.spec.service === service);
    const first = replicas[0];
    if (!first || !Number.isInteger(wanted) || wanted < 0) {
      call.fail(`no such service: ${service}`);
      continue;
    }
    for (let index = replicas.length + 1; index <= wanted; index += 1) {
      createContainer(call.context, { ...first.spec, name: `${first.spec.name}_${index}`, ports: '' });
    }
    for (const container of listContainers(call.context).filter((c) => c.spec.service === service)) {
      const isFirst = container.spec.name === first.spec.name;
      const index = isFirst ? 1 : Number(container.spec.name.slice(first.spec.name.length + 1));
      if (index > wanted) {
        await stopContainer(container);
        if (!isFirst) removeContainer(container);
        call.err(` Container ${container.spec.name}  ${isFirst ? 'Stopped' : 'Removed'}\n`);
      } else {
        const was = isRunning(container);
        startContainer(container);
        call.err(` Container ${container.spec.name}  ${was ? 'Running' : 'Started'}\n`);
      }
    }
  }
}
