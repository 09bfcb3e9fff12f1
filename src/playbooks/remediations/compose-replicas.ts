/** A compose service's containers from `docker ps -a --format '{{json .}}'`, by their compose label. */
export function composeReplicas(psOutput: string, service: string): { name: string; state: string }[] {
  const label = `com.docker.compose.service=${service}`;
  const replicas: { name: string; state: string }[] = [];
  for (const line of psOutput.split('\n')) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const { Labels, Names, State } = entry as Record<string, unknown>;
    if (typeof Labels !== 'string' || !Labels.split(',').includes(label)) continue;
    replicas.push({ name: String(Names ?? '?'), state: String(State ?? '?') });
  }
  return replicas;
}
