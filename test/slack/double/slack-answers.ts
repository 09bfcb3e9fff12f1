/** What the double answers one call with, and the samaops promises the call broke. */
export interface WorkspaceAnswer {
  status: number;
  body: Record<string, unknown>;
  retryAfter?: number;
  verdict?: import('./message-rules.js').MessageVerdict;
  /** Refusals and broken promises: a test fails on any it did not expect. */
  violations: string[];
}

/** Slack's success: HTTP 200, `ok: true` and the method's fields. */
export function ok(body: Record<string, unknown>, violations: string[] = []): WorkspaceAnswer {
  return { status: 200, body: { ok: true, ...body }, violations };
}

/** Slack's refusal: HTTP 200, `ok: false`, the error code, details under `errors` and `response_metadata`. */
export function refusal(
  method: string,
  error: string,
  errors?: string[],
  extra: Record<string, unknown> = {},
): WorkspaceAnswer {
  const details = errors ?? [];
  return {
    status: 200,
    body: {
      ok: false,
      error,
      ...extra,
      ...(details.length > 0
        ? { errors: details, response_metadata: { messages: details.map((detail) => `[ERROR] ${detail}`) } }
        : {}),
    },
    violations: [`${method}: ${error}${details.length > 0 ? ` (${details.slice(0, 5).join('; ')})` : ''}`],
  };
}

/** Broken samaops promises, named after the method that broke them. */
export function named(method: string, violations: readonly string[]): string[] {
  return violations.map((violation) => `${method}: ${violation}`);
}
