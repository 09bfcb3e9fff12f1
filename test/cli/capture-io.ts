import type { CliIo } from '../../src/cli/cli-io.js';

/** A CliIo that keeps what a command writes, for a test to read. */
export function captureIo(env: NodeJS.ProcessEnv = {}): { io: CliIo; stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
