import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';
import { importsBackUp, unitOf } from './layers.js';

describe('the dependency rule', () => {
  let graph: Record<string, string[]>;
  beforeAll(async () => {
    graph = (await madge('src', { fileExtensions: ['ts'], tsConfig: 'tsconfig.json' })).obj();
    // madge parses every file of src/: seconds alone, much longer beside the other unit files.
  }, 180_000);

  it('places every file of src/ in a layer', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(250);
    expect(Object.keys(graph).filter((file) => !unitOf(file))).toEqual([]);
  });

  it('finds no import that runs back up a layer', () => {
    expect(importsBackUp(graph)).toEqual([]);
  });

  it('fails on one that does', () => {
    expect(
      importsBackUp({
        'render/block-kit.ts': ['handlers/route-command.ts', 'render/message-model.ts', 'i18n/message.ts'],
        'store/migrate.ts': ['core/escalation/step.ts'],
        'core/escalation/step.ts': ['escalation/escalation-service.ts', 'core/escalation/on-call.ts'],
        'jobs/start-worker.ts': ['outbound/channel-rate.ts'],
        'reports/report-model.ts': ['escalation/escalation-service.ts'],
      }),
    ).toEqual([
      'core/escalation/step.ts -> escalation/escalation-service.ts',
      'jobs/start-worker.ts -> outbound/channel-rate.ts',
      'render/block-kit.ts -> handlers/route-command.ts',
      'reports/report-model.ts -> escalation/escalation-service.ts',
    ]);
  });
});
