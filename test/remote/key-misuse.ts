import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseWord } from '../../src/remote/fill-form.js';
import { type FormPart, remoteCommandForms, remoteTimeoutPrefix } from '../../src/remote/remote-forms.js';
import { commandLine, shellQuote } from '../../src/remote/shell-quote.js';
import { containerStatus } from '../lab/lab-containers.js';
import { hostPaths, LAB_DIR, type LabHostName, labHosts } from '../lab/lab-topology.js';
import { injectionCorpus } from '../support/injection-corpus.js';
import { sshHostPaths } from '../support/ssh-host.js';
import { type PlainSsh, plainSsh } from './plain-ssh.js';

/**
 * What someone holding the bot's key would send by hand: the injection corpus spliced into every
 * variable part of every form, and how to tell afterwards that nothing on the host changed.
 */

/** One attempt: a command line, and where the corpus entry went into it. */
export interface Attempt {
  form: string;
  part: FormPart;
  entry: string;
  /** `quoted`: as the bot would quote a bad value; `raw`: typed as is. */
  mode: 'quoted' | 'raw';
  line: string;
}

/** Fills a word template, `spliced` getting the entry after its valid value. */
function fill(word: string, values: Record<FormPart, string>, spliced: FormPart, text: string): string {
  return parseWord(word)
    .pieces.map((piece) =>
      typeof piece === 'string' ? piece : `${values[piece.part]}${piece.part === spliced ? text : ''}`,
    )
    .join('');
}

/** Every form (with its timeout prefix) × each of its parts × each corpus entry × both quotings. */
export function spliceAttempts(values: Record<FormPart, string>, marker: string): Attempt[] {
  const attempts: Attempt[] = [];
  for (const [form, formWords] of Object.entries(remoteCommandForms)) {
    const words: readonly string[] = [...remoteTimeoutPrefix, ...formWords];
    const parts = new Set(
      words.flatMap((word) =>
        parseWord(word).pieces.flatMap((piece) => (typeof piece === 'string' ? [] : [piece.part])),
      ),
    );
    // The time limit is the same in every form: spliced once, into the first form that has parts.
    if (form !== 'docker.ps') parts.delete('seconds');
    for (const part of parts) {
      for (const entry of injectionCorpus(marker)) {
        const argv = words.map((word) => fill(word, values, part, entry.text));
        const touched = words.map((word) => word.includes(`<${part}>`));
        attempts.push({ form, part, entry: entry.name, mode: 'quoted', line: commandLine(argv) });
        attempts.push({
          form,
          part,
          entry: entry.name,
          mode: 'raw',
          line: argv.map((arg, index) => (touched[index] ? arg : shellQuote(arg))).join(' '),
        });
      }
    }
  }
  return attempts;
}

/** The refused command as samaops-remote logs it: its first 200 bytes, each byte outside ASCII's printable range a `?`. */
export function loggedForm(line: string): string {
  return [...Buffer.from(line, 'utf8').subarray(0, 200)]
    .map((byte) => (byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '?'))
    .join('');
}

/**
 * What an attempt that got through could have changed on the lab hosts, read as root: the
 * containers' processes and restarts, the marker, /etc/shadow, and the files of `directories`
 * (their names only in `namesOnly`, whose files grow by themselves, like the stand-ins' logs).
 */
export function hostState(
  marker: string,
  directories: readonly string[],
  namesOnly: readonly string[] = [],
): Record<string, unknown> {
  const containers = containerStatus().map(({ name, pid }) => {
    const stateFile = join(LAB_DIR, 'containers', name, 'state.json');
    const state = existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>)
      : {};
    return `${name} pid ${pid} restarts ${String(state.restartCount ?? 0)} started ${String(state.startedAt)}`;
  });
  const files = directories.flatMap((directory) =>
    readdirSync(directory).map((name) => {
      const stat = statSync(join(directory, name));
      return `${join(directory, name)} ${stat.isDirectory() ? 'dir' : stat.size}`;
    }),
  );
  const names = namesOnly.flatMap((directory) => readdirSync(directory).map((name) => join(directory, name)));
  return { containers, files, names, marker: existsSync(marker), shadow: statSync('/etc/shadow').mtimeMs };
}

/** The OpenSSH client with the bot's key of a lab host, bypassing the bot; `dir` holds its files. */
export function labKeyClient(host: LabHostName, dir: string): PlainSsh {
  const { sshStateDir } = hostPaths(host);
  return plainSsh({
    address: labHosts[host].address,
    port: labHosts[host].sshPort,
    privateKeyPath: sshHostPaths(sshStateDir).clientKey,
    hostPublicKeyPath: `${sshHostPaths(sshStateDir).hostKey}.pub`,
    dir,
  });
}

/** hostState for a lab host: its data mount and `more` with sizes, its logs by name. */
export function labHostState(host: LabHostName, marker: string, more: readonly string[] = []) {
  return hostState(marker, [hostPaths(host).dataMount, ...more], [hostPaths(host).logDir]);
}
