import { msg } from '../../i18n/message.js';
import type { HttpAnswer, HttpClient } from '../../platform/http-client.js';
import type { CheckOutcome } from '../check.js';
import { unreachable } from '../unreachable.js';

/** Either the peer's answer, or the outcome that reports it unreachable. */
export type HttpProbe = { answer: HttpAnswer } | { outcome: CheckOutcome };

/**
 * GETs `url` on the shared HTTP client. A refused or reset connection becomes a `fail` outcome
 * with its reason; an abort (the engine's timeout) is rethrown so that the engine's own timeout
 * result, with the check's `onTimeout`, stands.
 */
export async function probeHttp(
  http: HttpClient,
  url: string,
  signal: AbortSignal,
  headers?: Record<string, string>,
): Promise<HttpProbe> {
  try {
    return { answer: await http.get(url, { signal, headers }) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { outcome: unreachable(error) };
  }
}

/** The outcome for an HTTP status outside 2xx: the code says what the load balancer sees. */
export function badStatus(answer: HttpAnswer): CheckOutcome | undefined {
  if (answer.status >= 200 && answer.status < 300) return undefined;
  return {
    status: 'fail',
    value: null,
    threshold: null,
    detail: msg('check.http.status', { status: answer.status }),
    data: { httpStatus: answer.status },
  };
}
