import type { Server } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { countLogErrors } from '../../remote/remote-commands.js';
import { defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { type FileCount, parseGrepCounts } from './parse-grep-counts.js';
import { remoteFailure } from './server-targets.js';

/** Files listed in the result's data, the ones with most errors first. */
const LISTED_FILES = 20;

/**
 * Runbook `grep -c "ERROR\|CRITICAL" /opt/samaconso/logs/*.log`, one fixed `find ... -exec grep`
 * per configured glob (no shell expands anything), summed per file, against 100 / 1000 lines.
 */
export const logsErrors = defineCheck<Server>({
  id: 'logs.errors',
  title: msg('check.logs.errors.title'),
  targets: (inventory) =>
    inventory.servers
      .filter((server) => server.logGlobs.length > 0)
      .map((server) => ({ name: server.name, target: server })),
  async run({ clients, inventory }, server, signal) {
    let outputs: Awaited<ReturnType<typeof clients.ssh.run>>[];
    try {
      // Every command is built (and its arguments validated) before anything is sent.
      const commands = server.logGlobs.map((glob) => countLogErrors(server, glob));
      outputs = await Promise.all(commands.map((command) => clients.ssh.run(server, command, signal)));
    } catch (error) {
      return remoteFailure(error);
    }
    // Two globs may match the same file: count it once.
    const files = new Map<string, FileCount>();
    for (const output of outputs)
      for (const file of parseGrepCounts(output.stdout)) files.set(file.path, file);
    if (files.size === 0) {
      return {
        status: 'unknown',
        value: null,
        threshold: null,
        detail: msg('check.logs.errors.noFiles', { globs: server.logGlobs.join(' ') }),
      };
    }
    const count = [...files.values()].reduce((sum, file) => sum + file.count, 0);
    const threshold = above(inventory.thresholds.logErrors, 'count');
    return {
      status: grade(count, threshold),
      value: count,
      unit: 'count',
      threshold,
      detail: msg('check.logs.errors.detail', { count, files: files.size }),
      data: {
        files: [...files.values()].sort((a, b) => b.count - a.count).slice(0, LISTED_FILES),
        truncated: outputs.some((output) => output.truncated),
      },
    };
  },
});
