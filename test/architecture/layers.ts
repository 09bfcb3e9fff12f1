/**
 * The layers of src/, lowest first (README, "Architecture"). A file may import its own unit and
 * any unit of a LOWER layer, never one of its own layer or above. A unit is a folder (or a file);
 * a file belongs to the longest unit that holds it. The pure cores of escalation and of the
 * remediation guard (core/) sit low, under the store that keeps their states.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['logging/', 'lifecycle/'],
  // The catalogue speaks for the inventory's problems too (check-config), so config sits above it.
  ['i18n/'],
  ['config/'],
  ['remote/'],
  ['platform/'],
  ['checks/'],
  ['render/', 'observability/'],
  ['core/'],
  ['store/'],
  ['jobs/', 'outbound/'],
  ['playbooks/'],
  ['escalation/', 'reports/'],
  ['handlers/'],
  ['slack/', 'console/'],
  ['app/'],
  ['main.ts'],
  // The samaops command is the entry of everything, `samaops serve` (main.ts) included.
  ['cli/'],
];

/** The unit of a file (its longest matching entry) and that unit's layer. */
export function unitOf(file: string): { unit: string; layer: number } | undefined {
  let best: { unit: string; layer: number } | undefined;
  LAYERS.forEach((units, layer) => {
    for (const unit of units) {
      const holds = unit.endsWith('/') ? file.startsWith(unit) : file === unit;
      if (holds && (!best || unit.length > best.unit.length)) best = { unit, layer };
    }
  });
  return best;
}

/** Every import of `graph` that runs back up a layer, or sideways into another unit of its own. */
export function importsBackUp(graph: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [file, imports] of Object.entries(graph)) {
    const from = unitOf(file);
    for (const target of imports) {
      const to = unitOf(target);
      if (!from || !to) continue;
      if (from.unit === to.unit) continue;
      if (to.layer >= from.layer) problems.push(`${file} -> ${target}`);
    }
  }
  return problems.sort();
}
