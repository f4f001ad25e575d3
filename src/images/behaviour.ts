/**
 * What a container's process does, as data (kwok-style lifecycle as data): which ports it
 * listens on, how it answers HTTP, whether and when it exits by itself, how much memory it
 * uses, what it prints and how it reacts to SIGTERM. The catalog (catalog.ts) maps image
 * references to behaviours; process.ts runs one on the simulated clock.
 */
import type { Applet } from './sh/commands/types.js';
import type { Signal } from './sh/effects.js';
import type { ImageCommand } from './sh/invocation.js';
import type { Userland } from './userland.js';

/** One HTTP answer, valid from `fromMs` after the process started until the next answer's `fromMs`. */
export interface HttpAnswer {
  readonly fromMs?: number;
  readonly status: number;
  readonly body?: string;
  /** The `Location` header of a redirect: a path (`/login`) or a URL (`http://other:8080/`). */
  readonly location?: string;
  /** How long the process takes before it sends the answer's headers (a slow endpoint). */
  readonly delayMs?: number;
  /** Only requests that carry these headers get this answer (names in lower case, exact values). */
  readonly when?: Readonly<Record<string, string>>;
  /**
   * An answer made from the request (agnhost's `/redirect?loc=`, `/echo?msg=`, a server that
   * answers with its hostname): the answer the client gets instead of this one.
   */
  readonly respond?: (request: HttpRequestInfo) => HttpAnswer;
}

/** What a request-dependent answer (HttpAnswer.respond) knows of the request and the server. */
export interface HttpRequestInfo {
  /** The path without the query. */
  readonly path: string;
  /** The query, decoded as Go's url.ParseQuery does (`+` is a space). */
  readonly query: URLSearchParams;
  /** The pod's hostname (`os.Hostname()` of the server). */
  readonly hostname: string;
  /** How long the process has been running. */
  readonly ageMs: number;
}

/** A request's headers as they go over the wire (name, value), in order; names as sent. */
export type HttpHeaders = ReadonlyArray<readonly [string, string]>;

/** grpc.health.v1 serving statuses a Check can answer with. */
export type GrpcServingStatus = 'SERVING' | 'NOT_SERVING' | 'UNKNOWN';

/** One health answer of a gRPC service, valid from `fromMs` after the start (like HttpAnswer). */
export interface GrpcHealthAnswer {
  readonly fromMs?: number;
  readonly status: GrpcServingStatus;
  /** How long the Check call takes to answer. */
  readonly delayMs?: number;
}

/** A gRPC server: the ports it serves gRPC on and its health service (grpc.health.v1.Health). */
export interface GrpcBehaviour {
  readonly ports: readonly number[];
  /**
   * Health timelines by service name (`''` is the server as a whole); a name not listed is
   * `NotFound: unknown service`. Absent: the server does not implement the health service.
   */
  readonly health?: Readonly<Record<string, readonly GrpcHealthAnswer[]>>;
  /** The gRPC ports also answer HTTP/1 requests (etcd multiplexes both on its client port). */
  readonly http?: boolean;
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
 * What a signal sent from inside the container (`kill`, `killall`, `nginx -s quit`) does to the
 * main process: exit (after `afterMs`, with `code`, printing `lines` first), or nothing more than
 * being handled (nginx reloads on SIGHUP). `sender` is the pid that sent it.
 */
export type SignalReaction =
  | {
      readonly action: 'exit';
      readonly code: number;
      readonly afterMs?: number;
      readonly lines?: (atMs: number, sender: number) => readonly OutputLineText[];
    }
  | { readonly action: 'handle' };

/** A line the process prints at once. */
export interface OutputLineText {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/**
 * A custom driver for processes whose behaviour is a program rather than fixed data: the
 * POSIX-sh interpreter for busybox/alpine commands is one (see programs.ts).
 */
export type ProgramName = 'shell';

/** A line the process writes to its stdout or stderr `afterMs` after it started (again every `everyMs`). */
export interface OutputLine {
  readonly afterMs: number;
  readonly stream: 'stdout' | 'stderr';
  /**
   * The text, or a function of the simulated time it is written (for lines with a date) and of
   * the pod's hostname (`localhost` where the process has no container context).
   */
  readonly text: string | ((atMs: number, hostname?: string) => string);
  readonly everyMs?: number;
}

/** Memory that grows while the process runs: `bytes` more every `everyMs`, up to `maxBytes`. */
export interface MemoryGrowth {
  readonly bytes: number;
  readonly everyMs: number;
  readonly maxBytes?: number;
}

/** What the process does when a port it wants is already taken in the pod: it prints and exits. */
export interface BindFailure {
  readonly afterMs: number;
  readonly code: number;
  readonly lines: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
}

/**
 * What `kubectl exec` and exec probes find in the image: `busybox` and `alpine` have busybox's
 * sh and applets (kubesim's interpreter); `debian` images (nginx, httpd, redis, debian, ubuntu)
 * have dash, bash and the GNU tools (the same interpreter and applets, without what Debian lacks:
 * see userland.ts); `none` is an image with only its own binary (distroless, scratch): anything
 * else is not found.
 */
export type ImageFilesystem = 'busybox' | 'alpine' | 'debian' | 'none';

export interface ImageBehaviour {
  /** A short name for messages and docs (`nginx`, `pause`, `unknown image`). */
  readonly name: string;
  /** Ports it listens on (TCP); `declared` means the container's declared containerPorts. */
  readonly listen: readonly number[] | 'declared';
  /** How it answers HTTP on every port it listens on; absent: it does not speak HTTP (TCP only). */
  readonly http?: HttpBehaviour;
  /** A gRPC server on some of its ports (they must be in `listen` too). */
  readonly grpc?: GrpcBehaviour;
  /** It exits by itself `afterMs` after starting, with `code`. */
  readonly exit?: { readonly afterMs: number; readonly code: number };
  readonly sigterm: SigtermBehaviour;
  /** SIGTERM does what `sigterm` says even when a program (a shell script) runs the process. */
  readonly sigtermOverridesProgram?: boolean;
  /** Resident memory from the start, in bytes. */
  readonly memoryBytes: number;
  /** Memory that grows over time (a leak); the OOM killer ends it above the container's limit. */
  readonly memoryGrowth?: MemoryGrowth;
  /** CPU it uses, in millicores (above the limit it is throttled, never killed). */
  readonly cpuMillis?: number;
  /** A program that drives the process instead of (or on top of) the fields above. */
  readonly program?: ProgramName;
  /** The image's ENTRYPOINT and CMD (the shell program runs the container's argv over them). */
  readonly imageCommand?: ImageCommand;
  /** What it prints, and when. */
  readonly output?: readonly OutputLine[];
  /** What it does when a port it listens on is already taken by another container of the pod. */
  readonly bindFailure?: (port: number, atMs: number) => BindFailure;
  /** What exec finds in the image (default `none`: nothing but the image's own binary). */
  readonly filesystem?: ImageFilesystem;
  /** Files the image has (`/usr/share/nginx/html/index.html`), for exec. */
  readonly files?: Readonly<Record<string, string>>;
  /** Programs of the image besides the shell's applets (`nginx -v`), for exec. */
  readonly commands?: Readonly<Record<string, Applet>>;
  /**
   * Which commands and shells the image has (default: its `filesystem`'s, see userland.ts): a
   * Debian image has no `wget` and its `sh` is dash.
   */
  readonly userland?: Userland;
  /** The main process as `ps` and `killall` see it: its name (comm) and command line. */
  readonly process?: { readonly name: string; readonly commandLine: string };
  /**
   * What signals from inside the container do to the main process. A signal not listed (and
   * SIGTERM when `sigterm` says `ignore`) is dropped: the kernel delivers to PID 1 only the
   * signals it handles, and never SIGKILL from inside its namespace.
   */
  readonly signals?: Readonly<Partial<Record<Signal, SignalReaction>>>;
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

/** A Go server's failure to listen (`net.Listen`): one line on stderr, exit 1 at once. */
export function goBindFailure(port: number): BindFailure {
  return {
    afterMs: 0,
    code: 1,
    lines: [{ stream: 'stderr', text: `listen tcp :${port}: bind: address already in use` }],
  };
}
