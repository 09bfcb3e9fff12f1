import { runCli } from './run-cli.js';

// Entry point of the `samaops` command (bin/samaops.js); everything testable lives in run-cli.ts.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
