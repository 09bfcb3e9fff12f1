import { api1Down, api2Down, diskFull, hostDown, logErrors } from './host-faults.js';
import {
  dropFaultRecord,
  type FaultName,
  faultNames,
  type LabFault,
  loadFaultRecord,
  recordedFaults,
  saveFaultRecord,
} from './lab-fault.js';
import { lock, longQuery } from './postgres-faults.js';
import { queueBacklog, redisFull, worker2Down } from './service-faults.js';

/** Every fault of the lab, by name: tests iterate over this. */
export const labFaults = {
  'api-1-down': api1Down,
  'api-2-down': api2Down,
  'worker-2-down': worker2Down,
  'long-query': longQuery,
  lock,
  'queue-backlog': queueBacklog,
  'redis-full': redisFull,
  'disk-full': diskFull,
  'log-errors': logErrors,
  'host-down': hostDown,
} satisfies Record<FaultName, LabFault>;

/** True for a known fault name. */
export function isFaultName(name: string): name is FaultName {
  return (faultNames as readonly string[]).includes(name);
}

/** Injects a fault (healing a previous injection of it first, so that it is never doubled). */
export async function injectFault(name: FaultName): Promise<void> {
  if (recordedFaults().includes(name)) await healFault(name);
  // Recorded before it starts: a half-injected fault is still healed by `heal` and `down`.
  saveFaultRecord(name, {});
  const record = await labFaults[name].inject();
  saveFaultRecord(name, record);
}

/** Heals a fault and forgets it; healing a fault that is not injected does the undo anyway (idempotent). */
export async function healFault(name: FaultName): Promise<void> {
  await labFaults[name].heal(loadFaultRecord(name));
  dropFaultRecord(name);
}

/** Faults injected and not healed yet. */
export function activeFaults(): FaultName[] {
  return recordedFaults();
}
