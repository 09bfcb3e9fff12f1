import { readdirSync, readFileSync } from 'node:fs';
import { labServices } from '../../test/lab/lab-topology.js';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU a task cost, split between this process (the bot's part) and the lab's processes. */
export interface CpuSplit {
  /** This process: the checks, the clients, SSH's encryption. */
  botMs: number;
  /** The lab's hosts and services: sshd and what its sessions run, the docker double, PostgreSQL, Redis, stand-ins. */
  labMs: number;
}

interface ProcessTimes {
  ppid: number;
  /** utime + stime + cutime + cstime: its own CPU and that of the children it reaped, ticks. */
  ticks: number;
  cmdline: string;
}

/**
 * CPU used per run of `task`, ms, over `runs` runs: this process, and every process of the lab (a
 * process counts when it or an ancestor runs from the lab's files or addresses; a short-lived one,
 * such as an SSH session's command, is counted in its parent once reaped). The machine's RabbitMQ,
 * shared with everything else here, is left out. On a machine where the lab's hosts share the
 * bot's cores, a diagnosis can be no faster than this CPU spread over the cores.
 */
export async function cpuPerRun(task: () => Promise<unknown>, runs: number): Promise<CpuSplit> {
  const before = processTimes();
  const ownBefore = process.cpuUsage();
  for (let i = 0; i < runs; i += 1) await task();
  const own = process.cpuUsage(ownBefore);
  const after = processTimes();
  const lab = labPids(after);
  let ticks = 0;
  for (const pid of lab) ticks += (after.get(pid)?.ticks ?? 0) - (before.get(pid)?.ticks ?? 0);
  return {
    botMs: (own.user + own.system) / 1000 / runs,
    labMs: (ticks * 1000) / TICKS_PER_SECOND / runs,
  };
}

function processTimes(): Map<number, ProcessTimes> {
  const times = new Map<number, ProcessTimes>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      times.set(Number(name), { ppid: Number(fields[1]), ticks, cmdline });
    } catch {
      // The process ended meanwhile.
    }
  }
  return times;
}

/** The lab's processes: those started from its files or on its hosts' addresses, and their descendants. */
function labPids(times: Map<number, ProcessTimes>): number[] {
  const redis = `redis-server ${labServices.redis.address}:`;
  const isRoot = (entry: ProcessTimes) =>
    /\/\.lab\/|samaops-lab|\/stand-ins\//.test(entry.cmdline) || entry.cmdline.startsWith(redis);
  const inLab = (pid: number): boolean => {
    for (let current = times.get(pid), depth = 0; current && depth < 64; depth += 1) {
      if (isRoot(current)) return true;
      current = times.get(current.ppid);
    }
    return false;
  };
  return [...times.keys()].filter((pid) => pid !== process.pid && inLab(pid));
}
