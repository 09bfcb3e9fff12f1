import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckId } from '../../../src/checks/check.js';
import { LAB_DIR } from '../lab-topology.js';

/** The faults the lab can inject, by name (`npm run lab -- fault NAME`). */
export const faultNames = [
  'api-1-down',
  'api-2-down',
  'worker-2-down',
  'long-query',
  'lock',
  'queue-backlog',
  'redis-full',
  'disk-full',
  'log-errors',
  'host-down',
] as const;
export type FaultName = (typeof faultNames)[number];

/** A check result that must leave `ok` while the fault is in place, and come back after heal. */
export interface Detection {
  id: CheckId;
  target: string;
}

/** One real fault: how to cause it, how to undo it exactly, and which checks must see it. */
export interface LabFault {
  name: FaultName;
  /** One line for `status` and test names. */
  description: string;
  /** Causes the fault for real; returns what heal needs (pids, files), saved under .lab/faults/. */
  inject(): Promise<Record<string, unknown>>;
  /** Undoes it, given what inject returned (an empty record when the lab lost it), and waits until undone. */
  heal(record: Record<string, unknown>): Promise<void>;
  detectedBy: Detection[];
}

const FAULTS_DIR = join(LAB_DIR, 'faults');

/** Records an injected fault. */
export function saveFaultRecord(name: FaultName, record: Record<string, unknown>): void {
  mkdirSync(FAULTS_DIR, { recursive: true });
  writeFileSync(join(FAULTS_DIR, `${name}.json`), JSON.stringify({ ...record, injectedAt: Date.now() }));
}

/** What inject recorded, or an empty record. */
export function loadFaultRecord(name: FaultName): Record<string, unknown> {
  const file = join(FAULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/** Forgets a healed fault. */
export function dropFaultRecord(name: FaultName): void {
  rmSync(join(FAULTS_DIR, `${name}.json`), { force: true });
}

/** Names of the faults currently injected. */
export function recordedFaults(): FaultName[] {
  if (!existsSync(FAULTS_DIR)) return [];
  return readdirSync(FAULTS_DIR)
    .map((file) => file.replace(/\.json$/, ''))
    .filter((name): name is FaultName => (faultNames as readonly string[]).includes(name));
}
