import type { CheckStatus } from '../checks/check.js';

/**
 * One message, independent of where it is shown: Block Kit (Slack) and terminal text render the
 * same model. Text is already in the reader's language; renderers only lay it out.
 */
export interface ChatMessage {
  /** Short headline, e.g. "SamaConso — Diagnostic complet". */
  title: string;
  /** One or two sentences saying what matters, e.g. "2 en échec, 14 OK". */
  summary?: string;
  /** Overall status, shown beside the title. Absent for messages that are not reports (help). */
  status?: CheckStatus;
  sections: MessageSection[];
  /** Buttons that act on the whole message (e.g. run the diagnosis again). */
  buttons?: MessageButton[];
  /** Small print at the bottom: duration, time, who asked. */
  context?: string[];
  /** Added to the notice that replaces lines Slack's limits leave out, e.g. where they all are (a thread). */
  overflowNote?: string;
}

/** A group of lines under an optional heading. */
export interface MessageSection {
  heading?: string;
  lines: MessageLine[];
}

/** One line of a report; `status` draws its marker. */
export interface MessageLine {
  text: string;
  status?: CheckStatus;
  /** Buttons that act on what this line reports (e.g. a remediation for a failing check). */
  buttons?: MessageButton[];
}

/**
 * A button. Its `value` is an id only (a playbook id, a stored request id), never a command:
 * a forged or replayed payload must not be able to name what runs.
 */
export interface MessageButton {
  /** Routes the press to its handler, e.g. `sama.diagnose.rerun`. At most 255 characters. */
  actionId: string;
  label: string;
  /** An id, at most 2000 characters. */
  value: string;
  style?: 'primary' | 'danger';
  /** A dialog Slack shows before the press is sent: every button that changes a server or silences paging has one. */
  confirm?: ButtonConfirm;
}

/** Slack's confirmation dialog, in the reader's language: it names the action and its target. */
export interface ButtonConfirm {
  /** At most 100 characters, e.g. "Approuver flush-redis ?". */
  title: string;
  /** At most 300 characters: what will happen, and where. */
  text: string;
  /** The confirming button, at most 30 characters. */
  confirm: string;
  /** The cancelling button, at most 30 characters. */
  deny: string;
}

/**
 * Slack's limits that the Block Kit renderer keeps within, from the reference pages under
 * https://docs.slack.dev/reference/block-kit/ (blocks/section-block, blocks/header-block,
 * blocks/actions-block, blocks/context-block, block-elements/button-element,
 * composition-objects/confirmation-dialog-object).
 */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  /** One line in a section: longer ones are cut by the renderer (thread packing splits them first). */
  lineText: 2800,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  elementsPerActions: 25,
  elementsPerContext: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** The notification text beside blocks: far shorter than a message's own limit. */
  fallbackText: 3000,
  /** A text-only message: chat.postMessage answers `msg_too_long` beyond 40,000 characters. */
  postText: 40_000,
} as const;
