/**
 * The protocol between a running shell and its driver (the kubelet, or `runToCompletion`).
 * The shell never waits by itself: when a command must wait for time to pass or for the
 * network, the process hands its driver an Effect and stops; the driver answers later (when the
 * simulated clock reaches the end of a sleep, or with the simulated network's reply) and the
 * process continues from exactly where it stopped.
 */

export interface HttpRequest {
  readonly url: string;
  readonly scheme: 'http' | 'https';
  /** The host as written (a Service name, `localhost`, an IP). */
  readonly host: string;
  readonly port: number;
  /** Path and query, `/` at least. */
  readonly path: string;
  readonly method: 'GET' | 'HEAD';
  readonly headers: Readonly<Record<string, string>>;
  /** wget's `-T` (default 900 s): after this the client gives up ("download timed out"). */
  readonly timeoutMs: number;
}

export interface TcpRequest {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
}

export interface DnsRequest {
  /**
   * The name as typed; the driver applies /etc/resolv.conf's search list (ndots:5). For a `PTR`
   * request: the IP address whose name is wanted.
   */
  readonly name: string;
  readonly timeoutMs: number;
  /**
   * `PTR`: a reverse lookup (libc's getnameinfo). A `resolved` answer's `name` is the record's
   * target; an answer naming the address itself, or `nxdomain`, means the address has no name.
   * Absent: an address lookup.
   */
  readonly type?: 'PTR';
}

/** What the process waits for. `sleep` with `ms: Infinity` never ends (`sleep infinity`). */
export type Effect =
  | { readonly type: 'sleep'; readonly ms: number }
  | { readonly type: 'http'; readonly request: HttpRequest }
  | { readonly type: 'tcp'; readonly request: TcpRequest }
  | { readonly type: 'dns'; readonly request: DnsRequest };

/** Why a connection failed. `unresolvable`: DNS had no such name. */
export type NetError = 'refused' | 'timeout' | 'unresolvable' | 'unreachable' | 'reset';

/**
 * The driver's reply to an `http` effect. `address` is the IP the name resolved to (wget prints
 * it: `Connecting to web (10.96.0.12:80)`). `afterMs` is how long the exchange took in
 * simulated time (0 by default: the simulated network has no latency); the driver waits that
 * long before resuming (runToCompletion counts it against the exec's timeout).
 */
export type HttpAnswer =
  | {
      readonly type: 'response';
      readonly status: number;
      readonly body?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly address?: string;
      readonly afterMs?: number;
    }
  | {
      readonly type: 'error';
      readonly error: NetError;
      readonly address?: string;
      readonly afterMs?: number;
    };

export type TcpAnswer =
  | { readonly type: 'connected'; readonly address?: string; readonly afterMs?: number }
  | {
      readonly type: 'error';
      readonly error: NetError;
      readonly address?: string;
      readonly afterMs?: number;
    };

export type DnsAnswer =
  | {
      readonly type: 'resolved';
      /** The fully qualified name that answered (after the search list). */
      readonly name: string;
      readonly addresses: readonly string[];
      readonly afterMs?: number;
    }
  | { readonly type: 'error'; readonly error: 'nxdomain' | 'timeout'; readonly afterMs?: number };

export type Answer = HttpAnswer | TcpAnswer | DnsAnswer;

/** Signals the kubelet sends (SIGTERM to stop, SIGKILL at the end of the grace period). */
export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGHUP' | 'SIGQUIT' | 'SIGUSR1' | 'SIGUSR2';

export const SIGNAL_NUMBERS: Readonly<Record<Signal, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
};

/**
 * Where the process stands after `start`, `resume` or `deliver`: waiting on an effect, or gone.
 * `until` is the simulated time a sleep ends (`Infinity` for ever).
 */
export type Step =
  | { readonly type: 'sleep'; readonly ms: number; readonly until: number }
  | { readonly type: 'http'; readonly request: HttpRequest }
  | { readonly type: 'tcp'; readonly request: TcpRequest }
  | { readonly type: 'dns'; readonly request: DnsRequest }
  /** `signal`: the process was killed by it (137 for SIGKILL, 143 for SIGTERM). */
  | { readonly type: 'exit'; readonly code: number; readonly signal?: Signal };

/** Internal: what a command generator yields besides driver effects. */
export type InternalEffect =
  /** Wait for background jobs (the `wait` builtin); interrupted by a trapped signal. */
  | { readonly type: 'wait-jobs'; readonly pids: readonly number[] }
  /**
   * A wait inside the shell itself, which a trapped signal interrupts: a loop that never waits
   * used up its time slice, or `read` waits for input.
   */
  | { readonly type: 'pause'; readonly ms: number };

export type Yielded = Effect | InternalEffect;

/** What a command generator receives back: a driver answer, a wait result, or nothing. */
export type Resumed =
  | Answer
  | { readonly type: 'interrupted'; readonly signo: number }
  | { readonly type: 'done' }
  | undefined;

/** A command's body: yields effects, gets answers, returns its exit status. */
export type Gen<T> = Generator<Yielded, T, Resumed>;
