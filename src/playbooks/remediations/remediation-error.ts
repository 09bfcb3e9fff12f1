import { CodedError } from '../../i18n/coded-error.js';
import type { Message } from '../../i18n/message.js';

/** Why a remediation could not preview or run; the guard shows `reason` to the user. */
export type RemediationErrorCode =
  /** The service the remediation acts on is not in the inventory. */
  | 'REMEDIATION_NOT_CONFIGURED'
  /** The target named by the arguments no longer exists (a table dropped, a queue deleted). */
  | 'REMEDIATION_TARGET_GONE'
  /** The arguments stored with the request no longer pass validation. */
  | 'REMEDIATION_ARGS_INVALID';

/** A coded error whose `reason` (its `userMessage`) is user-facing text from the catalogue. */
export class RemediationError extends CodedError<RemediationErrorCode> {
  override readonly name = 'RemediationError';
  constructor(
    readonly code: RemediationErrorCode,
    readonly reason: Message,
    detail: string,
  ) {
    super(reason, detail);
  }
}
