import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Runs `npm start` (`samaops serve` through tsx) as a child with the given environment and arguments. */
export async function runMain(
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; signalAfter?: RegExp; onSignal?: () => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    // Slack variables of the machine, if any, must not switch the child to another mode.
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (options.signalAfter?.test(stderr) && child.exitCode === null && !signalled) {
      signalled = true;
      options.onSignal?.();
      child.kill('SIGTERM');
    }
  });
  child.stdin.end(options.stdin ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
