import type { Server } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { wrapperVersion } from '../../remote/remote-commands.js';
import { botWrapperSource, formsHash, parseVersionLine } from '../../remote/wrapper/wrapper-source.js';
import { defineCheck } from '../check.js';
import { remoteFailure, serverTargets } from './server-targets.js';

/** Exit code of a command the shell cannot find: no samaops-remote answers on that login. */
const NOT_FOUND = 127;

/** A hash as shown to people: `sha256:` and its first 16 hex digits. */
const short = (hash: string) => hash.slice(0, 'sha256:'.length + 16);

/**
 * The forced command of the bot's key (samaops-remote, `samaops ssh-wrapper`) on each server:
 * asked for its version and forms hash through its own allowed form, and held against the bot's.
 * A server whose wrapper differs would refuse the forms it does not know, or run forms the bot no
 * longer sends; one without a wrapper, or whose wrapper is not the key's forced command, lets the
 * key run anything. Each warns, naming the server.
 */
export const hostWrapper = defineCheck<Server>({
  id: 'host.wrapper',
  title: msg('check.host.wrapper.title'),
  onTimeout: 'unknown',
  targets: serverTargets,
  async run({ clients }, server, signal) {
    const bot = { version: botWrapperSource().version, hash: formsHash() };
    let output: Awaited<ReturnType<typeof clients.ssh.run>>;
    try {
      output = await clients.ssh.run(server, wrapperVersion(), signal);
    } catch (error) {
      return remoteFailure(error);
    }
    const found = output.code === 0 ? parseVersionLine(output.stdout) : undefined;
    const data = { bot, server: found ?? null, code: output.code };
    if (!found) {
      const absent = output.code === NOT_FOUND;
      return {
        status: 'warn',
        value: null,
        threshold: null,
        detail: absent
          ? msg('check.host.wrapper.absent', { server: server.name })
          : msg('check.host.wrapper.silent', {
              server: server.name,
              code: output.code ?? '—',
              reason: output.stderr.trim().split('\n')[0]?.slice(0, 160) || '—',
            }),
        data,
      };
    }
    if (!found.forced) {
      return {
        status: 'warn',
        value: null,
        threshold: null,
        detail: msg('check.host.wrapper.notForced', { server: server.name, version: found.version }),
        data,
      };
    }
    const same = found.version === bot.version && found.hash === bot.hash;
    return {
      status: same ? 'ok' : 'warn',
      value: null,
      threshold: null,
      detail: same
        ? msg('check.host.wrapper.ok', { version: found.version, hash: short(found.hash) })
        : msg('check.host.wrapper.differs', {
            server: server.name,
            serverVersion: found.version,
            serverHash: short(found.hash),
            botVersion: bot.version,
            botHash: short(bot.hash),
          }),
      data,
    };
  },
});
