import type pg from 'pg';
import type { CheckContext } from '../checks/check.js';
import type { Message } from '../i18n/message.js';
import type { ReportSection } from './report-model.js';

/** Everything a collector may use: the inventory, the platform clients, and an abort signal. */
export interface CollectContext extends CheckContext {
  signal: AbortSignal;
  /** The bot's own database (incidents), when configured. */
  pool?: pg.Pool | undefined;
  /** True only for scheduled runs: the mutating maintenance steps the inventory enables may run. */
  maintenance?: boolean;
  /** When the collection started: the period a section counts over ends here (the month's incidents). */
  now?: Date;
}

/** Gathers one section of a report. May throw: the collection turns that into an unreachable section. */
export interface ReportCollector {
  id: string;
  /** Heading of its section, also when it could not collect. */
  title: Message;
  /**
   * Deadline of this collector, ms, when it needs more than the collection's (a maintenance step
   * that runs for minutes). Default: CollectOptions.timeoutMs.
   */
  timeoutMs?: number;
  /** Changes the servers (a maintenance step): runs after every read-only collector of the report. Default false. */
  mutating?: boolean;
  collect(context: CollectContext): Promise<ReportSection>;
}
