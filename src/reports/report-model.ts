import type { CheckStatus, Unit } from '../checks/check.js';
import type { Message } from '../i18n/message.js';

/** The report kinds: one per schedule of the runbook's maintenance scripts (§9.1–9.3). */
export const reportKinds = ['daily', 'weekly', 'monthly'] as const;

/** A kind of report. */
export type ReportKind = (typeof reportKinds)[number];

/** True when `word` names a report kind. */
export function isReportKind(word: string): word is ReportKind {
  return (reportKinds as readonly string[]).includes(word);
}

/** One line of a section: what was measured where. Plain JSON, so that it is stored as is. */
export interface ReportLine {
  /** Where: a server and mount, a table, a queue. */
  label: string;
  status: CheckStatus;
  text: Message;
  /** Stable key that the next report of the kind compares against, e.g. `disk.usage:db:/data`. */
  metric?: string;
  value?: number | null;
  unit?: Unit;
}

/** One section of a report; a collector that could not reach its target still yields one. */
export interface ReportSection {
  /** Stable id, e.g. `disk`, `largest-tables`. */
  id: string;
  title: Message;
  status: CheckStatus;
  lines: ReportLine[];
  /** When true, a line the previous report did not have is a change worth showing (a new slow statement). */
  trackNew?: boolean;
}

/** A change of one metric since the previous report of the same kind. */
export interface ReportDelta {
  sectionId: string;
  label: string;
  metric: string;
  /** `changed`: both reports measured it; `new`: only this one has it (e.g. a new slow statement). */
  change: 'changed' | 'new';
  previous: number | null;
  current: number | null;
  unit?: Unit;
}

/** A collected report: the JSON body that is stored, rendered and compared. */
export interface Report {
  kind: ReportKind;
  /** ISO timestamp of the start of the collection. */
  createdAt: string;
  durationMs: number;
  status: CheckStatus;
  sections: ReportSection[];
  /** Changes since the previous report of this kind; absent when there is none to compare with. */
  trend?: { previousAt: string; deltas: ReportDelta[] };
}
