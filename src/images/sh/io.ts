import type { Vfs, VfsFile } from './vfs.js';

/**
 * File descriptors of a running command: where its output goes (the container's stdout and
 * stderr, a file in the VFS, a `$( … )` capture, a pipe buffer, /dev/null) and where its input
 * comes from (nothing, a here-document, a file, the previous command of a pipeline).
 */

export interface Output {
  write(text: string): void;
}

export interface Input {
  /** Everything not read yet. */
  readAll(): string;
  /** The next line without its newline, or undefined at the end. */
  readLine(): string | undefined;
  /**
   * Whether reading blocks for ever once the buffered text is used up: a container with
   * `stdin: true` and nobody attached, an interactive shell with no input yet.
   */
  readonly blocksAtEnd: boolean;
}

/** The process's own stdout (fd 1) or stderr (fd 2). */
export type OutputSink = (fd: 1 | 2, text: string) => void;

export class SinkOutput implements Output {
  constructor(
    private readonly sink: OutputSink,
    private readonly fd: 1 | 2,
  ) {}

  write(text: string): void {
    if (text) this.sink(this.fd, text);
  }
}

export class CaptureOutput implements Output {
  text = '';

  write(text: string): void {
    this.text += text;
  }
}

export class FileOutput implements Output {
  constructor(
    private readonly vfs: Vfs,
    private readonly file: VfsFile,
  ) {}

  write(text: string): void {
    this.vfs.append(this.file, text);
  }
}

export const NULL_OUTPUT: Output = { write() {} };

export class StringInput implements Input {
  private pos = 0;

  constructor(
    private readonly text: string,
    readonly blocksAtEnd = false,
  ) {}

  readAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  readLine(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    let end = this.text.indexOf('\n', this.pos);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return line;
  }
}

export const EMPTY_INPUT: Input = new StringInput('');

/** fds 0-9; 0 is input, the rest outputs (ash allows `3>file` and `>&3`). */
export class Fds {
  constructor(
    readonly stdin: Input,
    readonly outputs: ReadonlyArray<Output | undefined>,
  ) {}

  get stdout(): Output {
    return this.outputs[1] ?? NULL_OUTPUT;
  }

  get stderr(): Output {
    return this.outputs[2] ?? NULL_OUTPUT;
  }

  withOutput(fd: number, out: Output | undefined): Fds {
    const outputs = [...this.outputs];
    outputs[fd] = out;
    return new Fds(this.stdin, outputs);
  }

  withInput(input: Input): Fds {
    return new Fds(input, this.outputs);
  }
}

/**
 * Splits a stream of output chunks into lines for the container log: a line is emitted when
 * its newline arrives, so `echo -n a; sleep 1; echo b` logs one line `ab` (stamped when it
 * completed). `flush` emits a last unterminated line when the process ends.
 */
export class LineSplitter {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  write(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.onLine(this.partial + text.slice(start, nl));
      this.partial = '';
      start = nl + 1;
    }
    this.partial += text.slice(start);
  }

  flush(): void {
    if (this.partial) {
      this.onLine(this.partial);
      this.partial = '';
    }
  }
}
