/** Health as Docker prints it in the Status column; null when the image has no healthcheck. */
export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting' | null;

/** One container from `docker ps -a --format '{{json .}}'`. */
export interface ContainerState {
  name: string;
  /** running, exited, restarting, paused, created, dead. */
  state: string;
  /** Docker's own words, e.g. "Up 5 minutes (healthy)", "Exited (1) 2 minutes ago". */
  status: string;
  health: ContainerHealth;
}

/** Parses one JSON object per line; lines that are not such objects are counted, not fatal. */
export function parseDockerPs(output: string): { containers: ContainerState[]; unreadableLines: number } {
  const containers: ContainerState[] = [];
  let unreadableLines = 0;
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (entry === undefined) {
      unreadableLines += 1;
      continue;
    }
    const status = typeof entry.Status === 'string' ? entry.Status : '';
    const state =
      typeof entry.State === 'string' && entry.State !== '' ? entry.State : stateFromStatus(status);
    // A container with links lists several names, comma-separated.
    const names = typeof entry.Names === 'string' ? entry.Names.split(',') : [];
    for (const name of names) containers.push({ name: name.trim(), state, status, health: healthOf(status) });
  }
  return { containers, unreadableLines };
}

/** Parses `docker inspect --format '{{.Name}} {{.RestartCount}}'` lines: `/name 3`. */
export function parseRestartCounts(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    const match = /^\/?(\S+) (\d+)$/.exec(line.trim());
    if (match?.[1] && match[2]) counts.set(match[1], Number(match[2]));
  }
  return counts;
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Older Docker versions have no State field: read it from the Status words. */
function stateFromStatus(status: string): string {
  if (status.startsWith('Up')) return status.includes('(Paused)') ? 'paused' : 'running';
  if (status.startsWith('Restarting')) return 'restarting';
  if (status.startsWith('Exited')) return 'exited';
  if (status.startsWith('Created')) return 'created';
  if (status.startsWith('Dead')) return 'dead';
  return 'unknown';
}

function healthOf(status: string): ContainerHealth {
  if (status.includes('(unhealthy)')) return 'unhealthy';
  if (status.includes('(healthy)')) return 'healthy';
  if (status.includes('(health: starting)')) return 'starting';
  return null;
}
