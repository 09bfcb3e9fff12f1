import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type RemediationTargets,
  remediationTargetsSchema,
} from '../../../src/config/remediation-targets-schema.js';
import type { Inventory } from '../../../src/config/schema.js';
import type {
  ParsedArgs,
  RemediationArgs,
  RemediationContext,
  VerifyingCheck,
} from '../../../src/core/remediation/remediation.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { PlatformClients } from '../../../src/platform/platform-clients.js';
import type { Detection } from '../../lab/faults/lab-fault.js';
import { LAB_DIR } from '../../lab/lab-topology.js';

/** A remediation context on the lab's inventory and clients, with optional remediation targets. */
export function labContext(
  inventory: Inventory,
  clients: PlatformClients,
  targets: Partial<RemediationTargets> = {},
): RemediationContext {
  // The `remediationTargets` key is read structurally until it is wired into the inventory schema.
  const withTargets = { ...inventory, remediationTargets: remediationTargetsSchema.parse(targets) };
  return { inventory: withTargets, clients, logger: silentLogger(), signal: new AbortController().signal };
}

/** The arguments of a successful parse (fails the test otherwise). */
export function argsOf(parsed: ParsedArgs): RemediationArgs {
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.reason)}`);
  return parsed.args;
}

/** The docker double's recorded state of one lab container. */
export function containerState(name: string): {
  pid: number | null;
  startedAt: number;
  finishedAt: number | null;
} {
  return JSON.parse(readFileSync(join(LAB_DIR, 'containers', name, 'state.json'), 'utf8'));
}

/** Verifying checks as lab detections (every remediation here names its target). */
export function detections(checks: readonly VerifyingCheck[]): Detection[] {
  return checks.map((check) => ({ id: check.id, target: check.target ?? '' }));
}
