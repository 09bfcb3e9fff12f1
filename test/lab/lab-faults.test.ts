import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIds } from '../../src/checks/check.js';
import { translate } from '../../src/i18n/translate.js';
import { healFault, injectFault, labFaults } from './faults/lab-faults.js';
import { type LabSession, openLabSession } from './lab-session.js';

/**
 * Each fault of the lab, injected for real, is seen by the right check through the real engine,
 * over real SSH where the check is remote, and that check is `ok` again once the fault is healed.
 */

let lab: LabSession;

beforeAll(async () => {
  lab = await openLabSession();
});

afterAll(async () => {
  await lab?.close();
});

describe('the lab', () => {
  it('is all green after up: every check of every target is ok', async () => {
    const results = await lab.run(checkIds);
    const notOk = results.filter((result) => result.status !== 'ok');
    expect(
      notOk.map(
        (result) => `${result.id} ${result.target}: ${result.status} (${translate('en', result.detail)})`,
      ),
    ).toEqual([]);
    // Every kind of check has a target in the lab inventory.
    expect(new Set(results.map((result) => result.id))).toEqual(new Set(checkIds));
  });
});

describe.each(Object.values(labFaults))('fault $name ($description)', (fault) => {
  it('is detected by the right check, which is ok again after heal', async () => {
    const before = await lab.until(fault.detectedBy, ['ok']);
    expect(before.map((result) => result.status)).toEqual(fault.detectedBy.map(() => 'ok'));

    await injectFault(fault.name);
    let during: Awaited<ReturnType<LabSession['until']>>;
    try {
      during = await lab.until(fault.detectedBy, ['warn', 'fail']);
    } finally {
      await healFault(fault.name);
    }
    for (const detection of fault.detectedBy) {
      const result = during.find((each) => each.id === detection.id && each.target === detection.target);
      expect(result?.status, `${detection.id} ${detection.target}`).toMatch(/^(warn|fail)$/);
    }

    const after = await lab.until(fault.detectedBy, ['ok']);
    expect(after.map((result) => `${result.id} ${result.target}: ${result.status}`)).toEqual(
      fault.detectedBy.map((detection) => `${detection.id} ${detection.target}: ok`),
    );
  });
});
