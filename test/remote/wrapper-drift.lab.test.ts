import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../src/checks/build-checks.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { failedLogins } from '../../src/remote/remote-commands.js';
import { botWrapperSource, formsHash, type WrapperSource } from '../../src/remote/wrapper/wrapper-source.js';
import { type LabSession, openLabSession } from '../lab/lab-session.js';
import { replaceLabWrapper, setLabRootLogin } from '../lab/lab-ssh.js';
import { hostPaths, labDocker } from '../lab/lab-topology.js';
import { sshLoginPaths } from '../support/ssh-login.js';

/**
 * host.wrapper asks each server's samaops-remote for its version and forms hash, through the form
 * the wrapper answers itself, and warns where they are not the bot's: a server still running an
 * older wrapper refuses the forms it does not know, and a server without one restricts nothing.
 */

let lab: LabSession;
const drifted = 'workers';

/** The wrapper of a release before the monthly report counted failed logins. */
function olderSource(): WrapperSource {
  const source = botWrapperSource();
  const forms = Object.fromEntries(
    Object.entries(source.forms).filter(([form]) => form !== 'auth.failed_logins'),
  );
  return { ...source, version: '0', forms };
}

beforeAll(async () => {
  lab = await openLabSession();
}, 90_000);

afterAll(async () => {
  replaceLabWrapper(drifted);
  setLabRootLogin(false);
  await lab?.close();
}, 60_000);

const short = (hash: string) => hash.slice(0, 'sha256:'.length + 16);

describe('host.wrapper (drift of samaops-remote)', () => {
  it('is ok on every lab host, whose wrapper is generated from the bot’s own table', async () => {
    const results = await lab.run(['host.wrapper']);
    expect(results.map((result) => [result.target, result.status])).toEqual([
      ['db', 'ok'],
      ['api', 'ok'],
      ['workers', 'ok'],
    ]);
  });

  it('warns, naming the server and both hashes, once one host runs an older wrapper; ok again after', async () => {
    const older = olderSource();
    replaceLabWrapper(drifted, older);
    const results = await lab.run(['host.wrapper']);
    expect(results.map((result) => [result.target, result.status])).toEqual([
      ['db', 'ok'],
      ['api', 'ok'],
      ['workers', 'warn'],
    ]);
    const warning = results.find((result) => result.target === drifted);
    expect(warning?.detail.key).toBe('check.host.wrapper.differs');
    const text = translate('en', warning?.detail ?? { key: 'check.host.wrapper.differs' });
    expect(text).toContain(drifted);
    expect(text).toContain(short(formsHash(older)));
    expect(text).toContain(short(formsHash()));
    expect(warning?.data).toMatchObject({
      server: { version: '0', hash: formsHash(older) },
      bot: { version: botWrapperSource().version, hash: formsHash() },
    });

    // What the drift costs: that server refuses the form its wrapper does not know.
    const server = lab.inventory.servers.find((each) => each.name === drifted);
    if (!server) throw new Error('no workers server');
    const { authLog } = lab.inventory.reports;
    const refused = await lab.clients.ssh.run(
      server,
      failedLogins(server, authLog, authLog),
      AbortSignal.timeout(10_000),
    );
    expect(refused.code).toBe(126);
    expect(refused.stderr).toBe('samaops-remote: refused: not one of the samaops forms\n');

    replaceLabWrapper(drifted);
    expect((await lab.run(['host.wrapper'])).every((result) => result.status === 'ok')).toBe(true);
  });

  it('warns that the key is not restricted where the login has no forced command (the lab’s root option)', async () => {
    setLabRootLogin(true);
    const inventory = {
      ...lab.inventory,
      servers: lab.inventory.servers.map((server) => ({ ...server, user: 'root' })),
    };
    const clients = createPlatformClients(inventory, silentLogger());
    const check = async () =>
      (await runChecks(buildChecks(['host.wrapper'], inventory), { inventory, clients })).results;
    // Installed on the sessions' PATH, but not the key's forced command: it answers, marked unforced.
    const installed = join(labDocker.bin, 'samaops-remote');
    try {
      for (const result of await check()) {
        expect(result.status).toBe('warn');
        expect(result.detail.key).toBe('check.host.wrapper.absent');
        expect(translate('en', result.detail)).toContain(result.target);
      }
      copyFileSync(sshLoginPaths(hostPaths('db').loginDir).wrapper, installed);
      for (const result of await check()) {
        expect(result.status).toBe('warn');
        expect(result.detail.key).toBe('check.host.wrapper.notForced');
        expect(translate('en', result.detail)).toContain(result.target);
      }
    } finally {
      rmSync(installed, { force: true });
      await clients.close();
      setLabRootLogin(false);
    }
  });
});
