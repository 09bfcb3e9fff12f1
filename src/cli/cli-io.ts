/** What a CLI command writes to and reads from; passed in so that tests capture it. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  /** A terminal's stderr (isTTY) shows the progress of long commands. */
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}
