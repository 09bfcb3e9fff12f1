import type { Server } from '../../config/schema.js';
import { byteCount, msg } from '../../i18n/message.js';
import { diskUsage as dfCommand } from '../../remote/remote-commands.js';
import { defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { parseDf } from './parse-df.js';
import { remoteFailure } from './server-targets.js';

/** One mount point of one server. */
interface DiskTarget {
  server: Server;
  mount: string;
}

/** Runbook `df -h / /data`, one check per server and mount point, against 85 / 95 %. */
export const diskUsage = defineCheck<DiskTarget>({
  id: 'disk.usage',
  title: msg('check.disk.usage.title'),
  targets: (inventory) =>
    inventory.servers.flatMap((server) =>
      server.mountPoints.map((mount) => ({ name: `${server.name}:${mount}`, target: { server, mount } })),
    ),
  async run({ clients, inventory }, { server, mount }, signal) {
    let output: Awaited<ReturnType<typeof clients.ssh.run>>;
    try {
      output = await clients.ssh.run(server, dfCommand(server, [mount]), signal);
    } catch (error) {
      return remoteFailure(error);
    }
    const line = parseDf(output.stdout)[0];
    if (!line) {
      const reason = output.stderr.trim().split('\n')[0] || `df exited with ${output.code}`;
      return {
        status: 'unknown',
        value: null,
        threshold: null,
        detail: msg('check.disk.usage.unreadable', { mount, reason }),
      };
    }
    const threshold = above(inventory.thresholds.diskPercent, '%');
    return {
      status: grade(line.percent, threshold),
      value: line.percent,
      unit: '%',
      threshold,
      detail: msg('check.disk.usage.detail', {
        percent: line.percent,
        mountedOn: line.mountedOn,
        available: byteCount(line.availableKiB * 1024),
      }),
      data: { ...line, mount, server: server.name },
    };
  },
});
