import type pg from 'pg';
import { type CheckContext, worstStatus } from '../checks/check.js';
import type { RunProgress } from '../checks/run-progress.js';
import { explainError } from '../i18n/explain-error.js';
import { type Message, msg } from '../i18n/message.js';
import { Semaphore } from '../remote/semaphore.js';
import type { ReportCollector } from './report-collector.js';
import type { Report, ReportKind, ReportSection } from './report-model.js';

/** Options of one collection. */
export interface CollectOptions {
  /** Collectors running at once. Default 4: each may itself run several checks concurrently. */
  concurrency?: number;
  /**
   * Budget of one collector, ms, unless it sets its own (ReportCollector.timeoutMs). Default: twice
   * the inventory's checkTimeoutMs, so its own checks time out first.
   */
  timeoutMs?: number;
  /** Aborts every collector still running (shutdown). */
  signal?: AbortSignal;
  /** The bot's own database, for sections about the bot's records (incidents). */
  pool?: pg.Pool | undefined;
  /** Runs the mutating maintenance steps the inventory enables (scheduled runs only). Default false. */
  maintenance?: boolean;
  /** Clock: the report's time and the end of the periods its sections count over. Default `new Date()`. */
  now?: () => Date;
  /** Told as each collector starts and ends (the CLI's progress line). Default none. */
  progress?: RunProgress;
}

/**
 * Runs a report's collectors, a bounded number at once, each under its own budget. A collector
 * that throws or overruns yields its section with one `unknown` line saying why, at its place:
 * the report always renders the rest. Never rejects.
 *
 * In two phases: every read-only collector first, then the mutating ones (maintenance steps). So a
 * section that reads what a step changes (old backups, old logs) always shows the state before
 * the step, never a race with it; the step's own section says what it did. Sections keep the
 * collectors' order.
 */
export async function collectReport(
  kind: ReportKind,
  collectors: readonly ReportCollector[],
  context: CheckContext,
  options: CollectOptions = {},
): Promise<Report> {
  const createdAt = (options.now ?? (() => new Date()))();
  const started = performance.now();
  const semaphore = new Semaphore(options.concurrency ?? 4);
  const timeoutMs = options.timeoutMs ?? context.inventory.checkTimeoutMs * 2;
  const sections: ReportSection[] = [];
  const collect = (mutating: boolean) =>
    Promise.all(
      collectors.map(async (collector, index) => {
        if ((collector.mutating ?? false) !== mutating) return;
        sections[index] = await semaphore.use(async () => {
          options.progress?.started(`${index}`, collector.title);
          try {
            return await collectOne(
              collector,
              { ...context, pool: options.pool, maintenance: options.maintenance ?? false, now: createdAt },
              collector.timeoutMs ?? timeoutMs,
              options.signal,
            );
          } finally {
            options.progress?.finished(`${index}`);
          }
        });
      }),
    );
  await collect(false);
  await collect(true);
  return {
    kind,
    createdAt: createdAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    status: worstStatus(sections.map((section) => section.status)),
    sections,
  };
}

/** A collector's deadline passed: its section says so in the reader's language. */
class CollectorOverrun extends Error {
  constructor(readonly ms: number) {
    super(`collector deadline of ${ms} ms passed`);
  }
}

async function collectOne(
  collector: ReportCollector,
  context: CheckContext & { pool: pg.Pool | undefined; maintenance: boolean; now: Date },
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<ReportSection> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new CollectorOverrun(timeoutMs);
      controller.abort(reason);
      reject(reason);
    }, timeoutMs);
  });
  try {
    return await Promise.race([collector.collect({ ...context, signal: controller.signal }), overrun]);
  } catch (error) {
    // Whatever a collector threw once its signal was aborted, the abort is the reason.
    if (error instanceof CollectorOverrun || controller.signal.reason instanceof CollectorOverrun) {
      return stoppedSection(collector, msg('report.overrun', { ms: timeoutMs }));
    }
    if (outer?.aborted) return stoppedSection(collector, msg('report.interrupted'));
    return stoppedSection(collector, msg('report.unreachable', { reason: explainError(error) }));
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** The section of a collector that could not finish: one `unknown` line saying why. */
function stoppedSection(collector: ReportCollector, text: Message): ReportSection {
  return {
    id: collector.id,
    title: collector.title,
    status: 'unknown',
    lines: [{ label: collector.id, status: 'unknown', text }],
  };
}
