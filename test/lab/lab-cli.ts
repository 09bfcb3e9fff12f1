import { activeFaults, healFault, injectFault, isFaultName, labFaults } from './faults/lab-faults.js';
import { labComponents, labDown, labUp } from './lab.js';

/**
 * `npm run lab -- up|down|status|fault NAME|heal NAME`: the local three-server lab that stands in
 * for the runbook's SERVEUR 1/2/3 (its shape is in lab-topology.ts).
 */

const USAGE = `usage: npm run lab -- up [--root-login] | down | status | fault NAME | heal NAME
  --root-login   let root log in too, unrestricted, and name root in config/lab.yml (to compare only)
faults:
${Object.values(labFaults)
  .map((fault) => `  ${fault.name.padEnd(14)} ${fault.description}`)
  .join('\n')}`;

async function main(args: string[]): Promise<number> {
  const [command, name] = args;
  switch (command) {
    case 'up': {
      if (name !== undefined && name !== '--root-login') {
        process.stderr.write(`unknown option "${name}"\n${USAGE}\n`);
        return 2;
      }
      const { durationMs, inventory } = await labUp({ rootLogin: name === '--root-login' });
      process.stdout.write(`lab up in ${durationMs} ms; inventory: ${inventory}\n`);
      return 0;
    }
    case 'down':
      await labDown();
      process.stdout.write('lab down\n');
      return 0;
    case 'status': {
      const components = await labComponents();
      for (const { name: component, where, running } of components) {
        process.stdout.write(`${component.padEnd(40)} ${where.padEnd(32)} ${running ? 'up' : 'DOWN'}\n`);
      }
      for (const fault of activeFaults())
        process.stdout.write(`${`fault ${fault}`.padEnd(40)} ${'injected'.padEnd(32)}\n`);
      return components.every((component) => component.running) ? 0 : 1;
    }
    case 'fault':
    case 'heal': {
      if (!name || !isFaultName(name)) {
        process.stderr.write(`unknown fault "${name ?? ''}"\n${USAGE}\n`);
        return 2;
      }
      if (command === 'fault') await injectFault(name);
      else await healFault(name);
      process.stdout.write(`${command === 'fault' ? 'injected' : 'healed'}: ${name}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
