import type { Interface } from 'node:readline';
import type { DemoPace } from './demo-pace.js';
import type { DemoWorld } from './demo-setup.js';

/** Step 6: the console stays for the person at the terminal until `exit` or the end of input. */
export async function freePlay(world: DemoWorld, pace: DemoPace, lines: Interface): Promise<void> {
  const names = world.inventory.team.map((person) => person.name).join(', ');
  await pace.step('demo.step.play', { names });
  const prompt = () => process.stdout.write('\nsama> ');
  prompt();
  for await (const line of lines) {
    if ((await world.console.session.handleLine(line)) === 'exit') return;
    prompt();
  }
}
