import { buildChecks } from '../../src/checks/build-checks.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import type { Inventory, Server } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../src/platform/platform-clients.js';
import { diagnosePlaybooks } from '../../src/playbooks/diagnose-playbooks.js';
import { countLogErrors, hostTrue, type RemoteCommand } from '../../src/remote/remote-commands.js';
import { labUp } from '../../test/lab/lab.js';
import { setLabRootLogin } from '../../test/lab/lab-ssh.js';
import { type BenchRow, msRows } from '../bench-row.js';
import { summarise } from '../stats.js';

const COMMAND_RUNS = 100;
const DIAGNOSE_RUNS = 20;

/**
 * Issue 16: what least privilege costs. The same commands and the same full diagnosis on the lab,
 * in one run, through the bot's non-root login restricted to samaops-remote and through the
 * unrestricted root login it replaces (the lab's comparison option), alternated so that the
 * machine's load weighs on both alike. Warm connections: the wrapper's cost, not the handshake's.
 */
export async function sshWrapperBench(): Promise<BenchRow[]> {
  const { inventory: file } = await labUp();
  const restricted = loadInventory(file);
  const root: Inventory = {
    ...restricted,
    servers: restricted.servers.map((server) => ({ ...server, user: 'root' })),
  };
  setLabRootLogin(true);
  const clients = {
    restricted: createPlatformClients(restricted, silentLogger()),
    root: createPlatformClients(root, silentLogger()),
  };
  try {
    const api = (inventory: Inventory) => inventory.servers.find((server) => server.name === 'api') as Server;
    const glob = api(restricted).logGlobs[0] ?? '';
    const forms: { name: string; build: (server: Server) => RemoteCommand }[] = [
      { name: 'host.true (1 word)', build: () => hostTrue() },
      { name: 'logs.count_errors (16 words)', build: (server) => countLogErrors(server, glob) },
    ];
    const rows: BenchRow[] = [];
    const section = 'ssh-wrapper (lab, warm connection)';
    const ms = msRows(section);
    for (const form of forms) {
      const [through, direct] = await alternate(COMMAND_RUNS, [
        () =>
          timed(() =>
            clients.restricted.ssh.run(
              api(restricted),
              form.build(api(restricted)),
              AbortSignal.timeout(10_000),
            ),
          ),
        () =>
          timed(() => clients.root.ssh.run(api(root), form.build(api(root)), AbortSignal.timeout(10_000))),
      ]);
      const w = summarise(through);
      const d = summarise(direct);
      rows.push(
        ms(
          `${form.name}: samaops + samaops-remote, median (n=${COMMAND_RUNS})`,
          w.median,
          undefined,
          undefined,
          { ...w },
        ),
        ms(`${form.name}: root, no wrapper, median`, d.median, undefined, undefined, { ...d }),
        ms(`${form.name}: added by the wrapper (median difference)`, w.median - d.median),
      );
    }
    const diagnose = (inventory: Inventory, platform: PlatformClients) => {
      const checks = buildChecks(diagnosePlaybooks.all.checks, inventory);
      return () => timed(() => runChecks(checks, { inventory, clients: platform }));
    };
    // Warm both pools first: handshakes are not what is compared.
    for (let i = 0; i < 2; i += 1) {
      await diagnose(restricted, clients.restricted)();
      await diagnose(root, clients.root)();
    }
    const [withWrapper, without] = await alternate(DIAGNOSE_RUNS, [
      diagnose(restricted, clients.restricted),
      diagnose(root, clients.root),
    ]);
    const a = summarise(withWrapper);
    const b = summarise(without);
    const checks = buildChecks(diagnosePlaybooks.all.checks, restricted).length;
    rows.push(
      ms(
        `diagnose all (${checks} checks) through samaops-remote, warm median (n=${DIAGNOSE_RUNS})`,
        a.median,
        undefined,
        undefined,
        { ...a },
      ),
      ms('diagnose all as root without it, warm median', b.median, undefined, undefined, { ...b }),
    );
    return rows;
  } finally {
    await Promise.all([clients.restricted.close(), clients.root.close()]);
    setLabRootLogin(false);
  }
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Runs both measures `runs` times, one after the other in turn; returns each one's samples. */
async function alternate(
  runs: number,
  [first, second]: [() => Promise<number>, () => Promise<number>],
): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i += 1) {
    samples[0].push(await first());
    samples[1].push(await second());
  }
  return samples;
}
