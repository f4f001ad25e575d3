/**
 * What a container's process does, as data (kwok-style lifecycle as data): which ports it
 * listens on, how it answers HTTP, whether and when it exits by itself, how much memory it
 * uses and how it reacts to SIGTERM. The catalog (catalog.ts) maps image references to
 * behaviours; process.ts runs one on the simulated clock.
 */

/** One HTTP answer, valid from `fromMs` after the process started until the next answer's `fromMs`. */
export interface HttpAnswer {
  readonly fromMs?: number;
  readonly status: number;
  readonly body?: string;
}

/** How a process answers one path: a timeline of answers (the first has no `fromMs`). */
export interface HttpRoute {
  readonly path: string;
  readonly answers: readonly HttpAnswer[];
}

export interface HttpBehaviour {
  readonly routes: readonly HttpRoute[];
  /** The answer for any other path (nginx: 404). */
  readonly otherwise: HttpAnswer;
}

/** What SIGTERM does: exit (after `afterMs`, with `code`), or nothing (a shell as PID 1). */
export type SigtermBehaviour =
  | { readonly action: 'exit'; readonly code: number; readonly afterMs?: number }
  | { readonly action: 'ignore' };

/**
 * A custom driver for processes whose behaviour is a program rather than fixed data: the
 * POSIX-sh interpreter for busybox/alpine commands is one (see programs.ts).
 */
export type ProgramName = 'shell';

export interface ImageBehaviour {
  /** A short name for messages and docs (`nginx`, `pause`, `unknown image`). */
  readonly name: string;
  /** Ports it listens on (TCP); `declared` means the container's declared containerPorts. */
  readonly listen: readonly number[] | 'declared';
  /** How it answers HTTP on every port it listens on; absent: it does not speak HTTP (TCP only). */
  readonly http?: HttpBehaviour;
  /** It exits by itself `afterMs` after starting, with `code`. */
  readonly exit?: { readonly afterMs: number; readonly code: number };
  readonly sigterm: SigtermBehaviour;
  /** Resident memory from the start, in bytes. */
  readonly memoryBytes: number;
  /** A program that drives the process instead of (or on top of) the fields above. */
  readonly program?: ProgramName;
}

/** The container fields a behaviour may depend on (command, args, env, declared ports). */
export interface ContainerInvocation {
  readonly name: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly ports?: ReadonlyArray<{ readonly containerPort: number; readonly protocol?: string }>;
}

/** An HTTP answer that always holds. */
export function always(status: number, body?: string): HttpAnswer {
  return body === undefined ? { status } : { status, body };
}
