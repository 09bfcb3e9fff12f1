import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { resolveAndReport } from './demo/demo-end.js';
import { approvedRestart } from './demo/demo-fix.js';
import { freePlay } from './demo/demo-free-play.js';
import { demoTeam, demoWatch } from './demo/demo-inventory.js';
import { DemoStepFailed, demoPace } from './demo/demo-pace.js';
import { type DemoWorld, setUpDemo } from './demo/demo-setup.js';
import { faultAndIncident, healthyDiagnosis } from './demo/demo-steps.js';

/**
 * `npm run demo [-- --fast]`: the whole loop on the local lab, in console mode (no Slack, nothing
 * to configure): setup, a healthy diagnosis, a real fault and its N2 incident, a restart asked for
 * by the on-call person and approved by DevOps, the incident resolved, the daily report. On a
 * terminal it pauses between steps (Enter; `--fast` does not) and then leaves the console for free
 * play; without one (CI=true) it runs straight through, checking each step's outcome. Everything it
 * created is removed at the end, at `exit` and at Ctrl-C.
 */
const { values } = parseArgs({ options: { fast: { type: 'boolean', default: false } } });
const terminal = Boolean(process.stdin.isTTY) && process.env.CI !== 'true';
const lines = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
const out = process.stdout;
// The demo's catalogue language before the inventory is read: the lab's (French).
const pace = demoPace('fr', out, terminal && !values.fast ? lines : undefined);

let teardown: (() => Promise<{ labStopped: boolean }>) | undefined;
let stopping: Promise<void> | undefined;
// Once, whoever asks first: the end of the walk-through, `exit`, Ctrl-C or a failed step.
const stop = (code: number) => {
  stopping ??= (async () => {
    lines?.close();
    await cleanUp(await teardown?.());
    process.exit(code);
  })();
  return stopping;
};
process.once('SIGINT', () => void stop(130));
lines?.on('SIGINT', () => void stop(130));

let world: DemoWorld | undefined;
const cleanUp = async (result: { labStopped: boolean } | undefined) => {
  if (!world || !result) return;
  const { labStopped } = result;
  const lab = pace.text(labStopped ? 'demo.cleanup.lab' : 'demo.cleanup.labKept');
  pace.say('demo.cleanup', { database: world.database.name, namespace: world.namespace, lab });
};

try {
  pace.say('demo.title');
  await pace.step('demo.step.setup');
  world = await setUpDemo(out, (remove) => {
    teardown = remove;
  });
  pace.say('demo.setup.done', {
    seconds: world.labSeconds,
    database: world.database.name,
    namespace: world.namespace,
    playbook: demoWatch.playbook,
    every: demoWatch.every,
  });
  pace.say('demo.setup.team', {
    team: demoTeam.map((person) => `${person.name} (${person.roles.join(', ')})`).join(', '),
  });
  await healthyDiagnosis(world, pace);
  const incidentId = await faultAndIncident(world, pace);
  await approvedRestart(world, pace);
  await resolveAndReport(world, pace, incidentId);
  if (lines) await freePlay(world, demoPace('fr', out, undefined), lines);
  // Ctrl-C in free play closes the input too: the walk-through is then not "finished".
  if (!stopping) pace.say('demo.done');
  await stop(0);
} catch (error) {
  out.write(`\n${error instanceof DemoStepFailed ? error.message : String(error)}\n`);
  await stop(1);
}
