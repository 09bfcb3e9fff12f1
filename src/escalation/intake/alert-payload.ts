import { z } from 'zod';
import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import { withoutUnsafeCharacters } from '../../render/unsafe-characters.js';

/** Intake settings, as the inventory gives them. */
export type IntakePolicy = NonNullable<EscalationPolicy['intake']>;

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string().min(1),
  endsAt: z.string().optional(),
  fingerprint: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'letters, digits, dot, dash or underscore'),
});

/**
 * Alertmanager's webhook (version 4) and Grafana alerting's (same `alerts[]` shape): other fields
 * (receiver, groupLabels, externalURL, orgId...) are allowed and ignored.
 */
export const alertWebhookSchema = z.object({
  version: z.string().optional(),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alertSchema).min(1).max(1000),
});

/** One alert as the worker processes it: open (or join and raise) or resolve its incident. */
export interface AlertJob {
  dedupKey: string;
  status: 'firing' | 'resolved';
  level: Level;
  title: string;
  source: string;
  /** When the alert ended (resolved), epoch ms; null when firing. */
  endedAt: number | null;
  /** When the endpoint took the webhook, epoch ms: orders the jobs of one fingerprint. */
  receivedAt: number;
}

/** The jobs of one webhook: one per alert, its level from the mapped label. */
export function alertJobs(
  payload: z.infer<typeof alertWebhookSchema>,
  policy: IntakePolicy,
  source: string,
  receivedAt: number,
): AlertJob[] {
  return payload.alerts.map((alert) => {
    const name = alert.labels.alertname ?? alert.fingerprint;
    const where = alert.labels.instance ?? alert.labels.service ?? alert.labels.job;
    const summary = alert.annotations.summary;
    const ended = alert.endsAt ? Date.parse(alert.endsAt) : Number.NaN;
    return {
      dedupKey: `alert:${alert.fingerprint}`,
      status: alert.status,
      level: levelOf(alert.labels, policy),
      // Alert text is outside text: control characters (NUL would stop PostgreSQL) become spaces;
      // `<!channel>` and the like stay as written, and are shown as text (src/render/slack-text.ts).
      title: withoutUnsafeCharacters([name, where, summary].filter(Boolean).join(' · '), ' ').slice(0, 300),
      source,
      endedAt: alert.status === 'resolved' ? (Number.isFinite(ended) ? ended : null) : null,
      receivedAt,
    };
  });
}

/**
 * An alert's level: the first `rules` entry whose labels all match (e.g. `service: api` and
 * `severity: critical`), else the `label` mapped through `levels`, else `defaultLevel`.
 */
export function levelOf(labels: Record<string, string>, policy: IntakePolicy): Level {
  const rule = policy.rules.find((candidate) =>
    Object.entries(candidate.labels).every(([name, value]) => labels[name] === value),
  );
  if (rule) return rule.level;
  const value = labels[policy.label];
  return (value !== undefined ? policy.levels[value] : undefined) ?? policy.defaultLevel;
}

/** The reason a payload was refused, short enough for a 400 body: the first problems and their paths. */
export function payloadProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
