import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateWrapper,
  WRAPPER_DEFAULT_PATH,
  type WrapperOptions,
} from '../../../src/remote/wrapper/generate-wrapper.js';

/**
 * samaops-remote run on this machine without sshd, as sshd runs a forced command: by a shell, with
 * SSH_ORIGINAL_COMMAND set. Its PATH starts with a recording `timeout` that writes the argument
 * vector it was given (NUL after each argument) instead of running it: what the wrapper
 * would have run, or nothing.
 */
export interface LocalWrapper {
  /** Runs the wrapper under `shell` with `command` as SSH_ORIGINAL_COMMAND (undefined: none). */
  run(shell: string, command: string | undefined, args?: string[]): Promise<WrapperRun>;
  remove(): void;
}

/** How one run of the wrapper ended, and the argument vector it handed to `timeout`, if any. */
export interface WrapperRun {
  code: number;
  stdout: string;
  stderr: string;
  /** `timeout`'s arguments (without `timeout` itself); undefined when nothing ran. */
  ran?: string[];
}

const RECORDING_TIMEOUT = `#!/bin/sh
printf '%s\\0' "$@" > "$RECORD"
`;

/** The shells a forced command may run under: dash (Debian's /bin/sh) and bash (others'). */
export const SHELLS = ['dash', 'bash'].filter((shell) =>
  ['/bin', '/usr/bin'].some((dir) => existsSync(join(dir, shell))),
);

export function localWrapper(options: Omit<WrapperOptions, 'path'> = {}): LocalWrapper {
  const dir = mkdtempSync(join(tmpdir(), 'samaops-wrapper-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'timeout'), RECORDING_TIMEOUT);
  chmodSync(join(bin, 'timeout'), 0o755);
  const wrapper = join(dir, 'samaops-remote');
  writeFileSync(wrapper, generateWrapper({ ...options, path: `${bin}:${WRAPPER_DEFAULT_PATH}` }));
  let runs = 0;
  return {
    run(shell, command, args = []) {
      runs += 1;
      const record = join(dir, `record-${runs}`);
      const env: NodeJS.ProcessEnv = { PATH: WRAPPER_DEFAULT_PATH, RECORD: record };
      if (command !== undefined) env.SSH_ORIGINAL_COMMAND = command;
      return new Promise((resolve) => {
        execFile(shell, [wrapper, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          const ran = existsSync(record) ? readFileSync(record, 'utf8').split('\0').slice(0, -1) : undefined;
          resolve({ code, stdout, stderr, ...(ran ? { ran } : {}) });
        });
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
