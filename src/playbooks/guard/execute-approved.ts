import { buildChecks } from '../../checks/build-checks.js';
import { runChecks } from '../../checks/run-checks.js';
import type { RemediationOutcome } from '../../core/remediation/remediation.js';
import type { StoredRequest } from '../../core/remediation/request-state.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { errorReason } from '../../logging/error-reason.js';
import { scrubSecrets } from '../../logging/scrub-secrets.js';
import { errorText } from '../../render/error-text.js';
import { finishRequest, startRunning } from '../../store/remediation-requests/request-transitions.js';
import { type GuardContext, type Invocation, viewOf } from './guard-context.js';
import { requestMessage } from './request-message.js';

/** Characters of output kept in the message: a Slack section holds 3000. */
export const EXCERPT_CHARS = 1500;

/** The end of the output (where errors are), scrubbed of secrets, at most EXCERPT_CHARS. */
export function outputExcerpt(output: string): string {
  const scrubbed = scrubSecrets(output).replaceAll('```', "'''").trim();
  return scrubbed.length <= EXCERPT_CHARS ? scrubbed : `…${scrubbed.slice(-EXCERPT_CHARS + 1)}`;
}

/**
 * approved → running (once: only the caller whose conditional UPDATE wins goes on), runs the
 * remediation against its stored preview (which re-validates, e.g. the same pids), runs the
 * verifying checks, then running → succeeded | failed with the outcome, and updates the message.
 */
export async function executeApproved(
  context: GuardContext,
  actor: Invocation,
  approved: StoredRequest,
  approvedBy: readonly string[],
): Promise<StoredRequest | undefined> {
  const pool = context.pool;
  if (!pool) return undefined;
  const request = await startRunning(pool, approved.id);
  if (!request) return undefined;
  const ref = request.messageTs ? { channel: request.channel, ts: request.messageTs } : undefined;
  const show = async (stage: Parameters<typeof viewOf>[3]) => {
    if (!ref) return;
    await actor.replies
      .updateMessage(ref, requestMessage(request, viewOf(context, request, approvedBy, stage)))
      .catch((error: unknown) =>
        context.logger.warn({ err: errorReason(error) }, 'could not update a request message'),
      );
  };
  await show({ kind: 'running' });
  const remediation = context.remediations[request.remediation];
  const started = performance.now();
  const locale = context.inventory.locale;
  const signal = context.signal ?? new AbortController().signal;
  let outcome: RemediationOutcome;
  try {
    if (!remediation) throw new Error(`remediation ${request.remediation} is not registered`);
    outcome = await remediation.run(
      { inventory: context.inventory, clients: context.clients, logger: context.logger, signal },
      request.args,
      request.preview,
    );
  } catch (error) {
    outcome = {
      ok: false,
      summary: msg('remediation.outcome.exception', { reason: errorText(error, context.inventory.locale) }),
      output: '',
    };
  }
  const verifying = remediation?.verifiedBy(request.args, context.inventory) ?? [];
  const checks = verifying.flatMap(({ id, target }) =>
    buildChecks([id], context.inventory).filter((check) => target === undefined || check.target === target),
  );
  const diagnosis = await runChecks(
    checks,
    { inventory: context.inventory, clients: context.clients },
    { signal },
  );
  const durationMs = Math.round(performance.now() - started);
  const verifiedOk = diagnosis.results.every((result) => result.status === 'ok' || result.status === 'warn');
  const ok = outcome.ok && verifiedOk;
  const excerpt = outputExcerpt(outcome.output);
  const summary = translate(locale, outcome.summary);
  const verify = diagnosis.results.map((result) => ({
    status: result.status,
    text: translate(
      locale,
      msg('remediation.verify.line', {
        check: translate(locale, result.title),
        target: result.target,
        status: result.status,
      }),
    ),
  }));
  const finished = await finishRequest(pool, request.id, ok ? 'succeeded' : 'failed', {
    ok,
    remediationOk: outcome.ok,
    summary,
    excerpt,
    durationMs,
    verify: diagnosis.results.map((result) => ({
      id: result.id,
      target: result.target,
      status: result.status,
    })),
    data: outcome.data ?? {},
  });
  await show({ kind: 'finished', ok, durationMs, summary, excerpt, verify });
  return finished;
}
