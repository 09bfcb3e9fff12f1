/** Why a remote operation did not happen or did not finish. */
export type RemoteErrorCode =
  /** The server presented a host key other than the pinned one. */
  | 'HOST_KEY_MISMATCH'
  /** No fingerprint is pinned and the server is not marked insecureAcceptAnyHostKey. */
  | 'HOST_KEY_UNKNOWN'
  /** TCP refused, authentication refused, or the connection broke. */
  | 'SSH_CONNECT_FAILED'
  /** sshd refused a new session on a live connection, again and again: more at once than its MaxSessions. */
  | 'SSH_SESSION_REFUSED'
  /** No handshake within the connect timeout. */
  | 'SSH_HANDSHAKE_TIMEOUT'
  /** The command ran past its budget: the channel was closed. */
  | 'REMOTE_COMMAND_TIMEOUT'
  /** The caller gave up (the check's AbortSignal). */
  | 'REMOTE_ABORTED'
  /** An argument failed validation or is not in the inventory's allow-list: nothing was sent. */
  | 'REMOTE_ARGUMENT_REFUSED'
  /** The server is not in the inventory. */
  | 'SERVER_UNKNOWN';

/** A coded error of the SSH layer; its message names the server and is free of secrets. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  constructor(
    readonly code: RemoteErrorCode,
    readonly server: string,
    message: string,
  ) {
    super(message);
  }
}

/** Narrows an unknown error to a RemoteError with one of `codes` (any code when none given). */
export function isRemoteError(error: unknown, ...codes: RemoteErrorCode[]): error is RemoteError {
  return error instanceof RemoteError && (codes.length === 0 || codes.includes(error.code));
}
