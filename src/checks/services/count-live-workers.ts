/**
 * Counts the live Celery workers in a Flower `/api/workers` answer: a JSON object keyed by worker
 * name. With `?status=1` (Flower 1.x/2.x) each value is a boolean, true when the worker's
 * heartbeats are current; older Flower versions ignore that parameter and answer each worker's
 * details, with a `status` boolean. A worker counts as live unless it is said to be dead.
 * Returns undefined when the text is not such an object.
 */
export function countLiveWorkers(body: string): { live: string[]; dead: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const live: string[] = [];
  const dead: string[] = [];
  for (const [name, info] of Object.entries(parsed)) {
    if (
      info === false ||
      (typeof info === 'object' && info !== null && 'status' in info && info.status === false)
    ) {
      dead.push(name);
    } else if (info === true || (typeof info === 'object' && info !== null && !Array.isArray(info))) {
      live.push(name);
    } else {
      return undefined;
    }
  }
  return { live: live.sort(), dead: dead.sort() };
}
