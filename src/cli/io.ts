import type { Writable } from 'node:stream';

/** What a kubesim command reads from and writes to: the process, or a test's capture. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The streams cucumber's formatters write to. */
  readonly stdoutStream: Writable;
  readonly stderrStream: Writable;
  /** The whole of standard input (for `-f -`). */
  readStdin(): string;
}
