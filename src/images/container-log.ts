import { LineSplitter } from './sh/io.js';

/** One line a container wrote, with the simulated time it was written (containerd's CRI log). */
export interface LogLine {
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** Lines kept per container instance; older ones are dropped (the kubelet rotates its log files). */
export const DEFAULT_LOG_LINES = 10_000;

/**
 * The log of one container instance: what `kubectl logs` reads. A bounded ring of lines, so a
 * container that prints every second for days keeps only its newest lines. Text arrives in
 * chunks (`write`); a line is stamped when its newline arrives, as the runtime's log writer does,
 * and an unterminated last line is kept when the process ends (`close`).
 */
export class ContainerLog {
  private readonly ring: LogLine[] = [];
  private start = 0;
  private readonly splitters: { stdout: LineSplitter; stderr: LineSplitter };

  constructor(
    private readonly now: () => number,
    readonly capacity = DEFAULT_LOG_LINES,
  ) {
    this.splitters = {
      stdout: new LineSplitter((text) => this.append('stdout', text)),
      stderr: new LineSplitter((text) => this.append('stderr', text)),
    };
  }

  /** Raw output of the process on one stream (`fd` 1 or 2). */
  write(fd: 1 | 2, text: string): void {
    (fd === 1 ? this.splitters.stdout : this.splitters.stderr).write(text);
  }

  /** A whole line, without its newline. */
  line(stream: 'stdout' | 'stderr', text: string): void {
    this.append(stream, text);
  }

  /** The process ended: a last line without a newline is still logged. */
  close(): void {
    this.splitters.stdout.flush();
    this.splitters.stderr.flush();
  }

  get size(): number {
    return this.ring.length;
  }

  /** The lines kept, oldest first. */
  lines(): LogLine[] {
    if (this.start === 0) return this.ring.slice();
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }

  private append(stream: 'stdout' | 'stderr', text: string): void {
    const line: LogLine = { at: this.now(), stream, text };
    if (this.ring.length < this.capacity) {
      this.ring.push(line);
      return;
    }
    this.ring[this.start] = line;
    this.start = (this.start + 1) % this.capacity;
  }
}
