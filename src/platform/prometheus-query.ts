import { z } from 'zod';
import type { HttpClient } from './http-client.js';

/** Where Prometheus answers, and its bearer token when it sits behind one. */
export interface PrometheusTarget {
  url: string;
  token?: string | undefined;
}

/** Prometheus answered with its error JSON (`bad_data` for a query it cannot parse, `timeout`, …). */
export class PrometheusQueryError extends Error {
  readonly code = 'PROMETHEUS_QUERY';
  constructor(
    readonly errorType: string,
    readonly error: string,
    readonly httpStatus: number,
  ) {
    super(`Prometheus refused the query (${errorType}): ${error}`);
  }
}

/** What an instant query gave: one number, or none (no series, several, or NaN). */
export type InstantValue = { kind: 'value'; value: number } | { kind: 'none'; series: number };

const sample = z.tuple([z.number(), z.string()]);
const answer = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.discriminatedUnion('resultType', [
      z.object({ resultType: z.literal('scalar'), result: sample }),
      z.object({ resultType: z.literal('vector'), result: z.array(z.object({ value: sample })) }),
      z.object({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
      z.object({ resultType: z.literal('string'), result: z.unknown() }),
    ]),
  }),
  z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
]);

/**
 * One instant query (`GET /api/v1/query`, read-only) evaluated at `atMs`: a scalar, or a vector
 * of exactly one series, is a value; anything else is none. Prometheus's own error JSON becomes a
 * PrometheusQueryError with its type and text; another answer (not JSON, a proxy's page) an Error.
 */
export async function prometheusInstantQuery(
  http: HttpClient,
  target: PrometheusTarget,
  query: string,
  atMs: number,
  signal: AbortSignal,
): Promise<InstantValue> {
  const url = new URL(`${target.url.replace(/\/+$/, '')}/api/v1/query`);
  url.searchParams.set('query', query);
  url.searchParams.set('time', (atMs / 1000).toFixed(3));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const response = await http.get(url.href, { signal, headers });
  let parsed: z.infer<typeof answer>;
  try {
    parsed = answer.parse(JSON.parse(response.body));
  } catch {
    throw new Error(`Prometheus answered HTTP ${response.status} with no query result`);
  }
  if (parsed.status === 'error')
    throw new PrometheusQueryError(parsed.errorType, parsed.error, response.status);
  const { data } = parsed;
  let text: string | undefined;
  if (data.resultType === 'scalar') text = data.result[1];
  else if (data.resultType === 'vector' && data.result.length === 1) text = data.result[0]?.value[1];
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value))
    return { kind: 'none', series: data.resultType === 'vector' ? data.result.length : 0 };
  return { kind: 'value', value };
}
