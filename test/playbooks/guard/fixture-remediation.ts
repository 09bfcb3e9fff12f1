import type pg from 'pg';
import type { Remediation, RemediationId, RiskTier } from '../../../src/core/remediation/remediation.js';
import { msg } from '../../../src/i18n/message.js';

/** Targets the fixture accepts, like an inventory allow-list. */
export const FIXTURE_TARGETS = ['alpha', 'beta'];

/**
 * A test fixture, not a double: a remediation that really acts on a table of the scratch database
 * (`fixture_runs`), so that "ran exactly once" is counted by PostgreSQL. `gate`, when set, holds
 * the run until the test releases it.
 */
export function fixtureRemediation(
  pool: pg.Pool,
  options: { id: RemediationId; tier: RiskTier; gate?: () => Promise<void>; fail?: boolean },
): Remediation {
  return {
    id: options.id,
    usage: msg('usage.purge'),
    parse(words) {
      const [target, ...rest] = words;
      if (rest.length > 0 || target === undefined || !FIXTURE_TARGETS.includes(target))
        return {
          ok: false,
          reason: msg('slack.help.badArgument', {
            argument: String(target ?? '').slice(0, 40),
            command: options.id,
            valid: FIXTURE_TARGETS.join(', '),
          }),
        };
      return { ok: true, args: { target } };
    },
    tier: () => options.tier,
    targetKey: (args) => `fixture:${String(args.target)}`,
    targetLabel: (args) => String(args.target),
    async preview(_context, args) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM fixture_runs WHERE target = $1',
        [args.target],
      );
      return {
        lines: [msg('slack.report.allOk')],
        data: { target: args.target, runsBefore: rows[0]?.n ?? 0 },
      };
    },
    async evidence(_context, args) {
      return {
        target: args.target,
        capturedAt: new Date().toISOString(),
        logs: ['connecting to postgresql://app:s3cret@db:5432/app'],
      };
    },
    async run(_context, args, preview) {
      await options.gate?.();
      await pool.query('INSERT INTO fixture_runs (target) VALUES ($1)', [args.target]);
      return {
        ok: !options.fail,
        summary: msg('slack.report.allOk'),
        output: `ran on ${String(args.target)} after ${String(preview.data.runsBefore)} runs; password=hunter2`,
      };
    },
    verifiedBy: () => [],
  };
}
