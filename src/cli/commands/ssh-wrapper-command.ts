import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inventoryPath, loadInventory } from '../../config/load-inventory.js';
import { msg } from '../../i18n/message.js';
import { authorizedKeysLine } from '../../remote/wrapper/authorized-keys.js';
import { generateWrapper } from '../../remote/wrapper/generate-wrapper.js';
import { sudoersFile } from '../../remote/wrapper/sudoers.js';
import { versionLine } from '../../remote/wrapper/wrapper-source.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

/**
 * `samaops ssh-wrapper`: what a server needs so that the bot's key runs the bot's forms and
 * nothing else. With no option, the forced command samaops-remote; `--authorized-keys`, the key's
 * line; `--sudoers`, the exact sudo rules of one server; `--version`, the version line the
 * `host.wrapper` check expects from every server.
 */
export async function sshWrapperCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'authorized-keys': { type: 'boolean' },
      'public-key': { type: 'string' },
      from: { type: 'string' },
      sudoers: { type: 'boolean' },
      server: { type: 'string' },
      config: { type: 'string' },
      version: { type: 'boolean' },
    },
  });
  const modes = [values['authorized-keys'], values.sudoers, values.version].filter(Boolean).length;
  if (modes > 1) throw new UsageError(msg('cli.error.wrapperModes'));
  if (values['authorized-keys']) {
    if (!values['public-key']) throw new UsageError(msg('cli.error.wrapperPublicKey'));
    const publicKey = readFileSync(values['public-key'], 'utf8');
    io.stdout.write(`${authorizedKeysLine({ publicKey, from: values.from })}\n`);
    return EXIT.ok;
  }
  if (values.sudoers) {
    const inventory = loadInventory(inventoryPath(values.config, io.env), io.env);
    const names = inventory.servers.map((server) => server.name);
    const name = values.server ?? (names.length === 1 ? names[0] : undefined);
    const server = inventory.servers.find((each) => each.name === name);
    if (!server) throw new UsageError(msg('cli.error.wrapperServer', { names: names.join(', ') || '—' }));
    io.stdout.write(sudoersFile(inventory, server));
    return EXIT.ok;
  }
  io.stdout.write(values.version ? `${versionLine()}\n` : generateWrapper());
  return EXIT.ok;
}
