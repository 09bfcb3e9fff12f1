import type { CheckId, CheckKind } from '../check.js';

/** Checks that run over SSH on the servers (host, disk, containers, logs), by id. */
export const remoteCheckKinds = {} satisfies Partial<Record<CheckId, CheckKind>>;
