import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Inventory } from '../../src/config/schema.js';
import { type SudoersOptions, sudoersFile } from '../../src/remote/wrapper/sudoers.js';

/**
 * Installs the sudo rules `samaops ssh-wrapper --sudoers` prints, for test servers that share this
 * machine: one file per test or lab under /etc/sudoers.d, checked by `visudo -c` before it is put
 * in place (a broken file there would stop sudo for everyone), removed when the test ends.
 */

const SUDOERS_DIR = '/etc/sudoers.d';

/** The sudoers text of every server of an inventory, one block after another. */
export function inventorySudoers(inventory: Inventory, options: SudoersOptions = {}): string {
  return inventory.servers.map((server) => sudoersFile(inventory, server, options)).join('\n');
}

/** Checks `text` with `visudo -c` and installs it as /etc/sudoers.d/NAME; returns how to remove it. */
export function installSudoers(name: string, text: string): () => void {
  if (!/^[a-z0-9_-]+$/.test(name)) throw new Error(`sudoers file name ${name}: sudo skips names with a dot`);
  const target = join(SUDOERS_DIR, name);
  const staged = join(SUDOERS_DIR, `.${name}.staged`);
  execFileSync('mkdir', ['-p', SUDOERS_DIR]);
  writeFileSync(staged, text, { mode: 0o440 });
  try {
    execFileSync('visudo', ['-c', '-q', '-f', staged], { stdio: 'pipe' });
  } catch (error) {
    rmSync(staged, { force: true });
    throw new Error(
      `visudo refused the sudoers file ${name}: ${String((error as { stderr?: unknown }).stderr)}`,
    );
  }
  renameSync(staged, target);
  return () => removeSudoers(name);
}

/** Removes /etc/sudoers.d/NAME, if there. */
export function removeSudoers(name: string): void {
  rmSync(join(SUDOERS_DIR, name), { force: true });
}
