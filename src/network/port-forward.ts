import type { Pod } from '../api/types.js';
import type { TimeSource } from '../core/clock.js';
import { KubesimError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { Store } from '../store/store.js';
import { isIPv4, isIPv6 } from './ip.js';
import { keyOf } from './topology.js';

/**
 * Port-forward sessions as client-go's tools/portforward runs them for `kubectl port-forward`:
 * local listeners on the requested addresses, every connection sent to the one pod the command
 * picked, and the session ending when that pod goes away (`error: lost connection to pod`).
 * kubesim's kubectl returns at once and the session stays open in the network; the lines the
 * command would go on printing (`Handling connection for 8080`) are kept on the session.
 */

/** ForwardedPort: a local port and the pod's port. */
export interface ForwardedPort {
  local: number;
  readonly remote: number;
}

/** One line the running port-forward command printed, with when. */
export interface ForwardLine {
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

interface ListenAddress {
  readonly address: string;
  readonly protocol: 'tcp4' | 'tcp6';
  /** `all`: localhost's pair, fine if either binds; `any`: an explicit address, must bind. */
  readonly failureMode: 'all' | 'any';
}

/** The pod a session forwards to. */
export interface ForwardTarget {
  readonly namespace: string;
  readonly pod: string;
  readonly uid: string;
}

/** The first ephemeral port Linux hands out (net.ipv4.ip_local_port_range 32768 60999). */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

/**
 * parsePorts (client-go portforward.go): `5000`, `8888:5000`, `:5000` or `0:5000` (a random
 * local port). Errors carry strconv's wording.
 */
export function parsePorts(ports: readonly string[]): ForwardedPort[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    let local: string;
    let remote: string;
    if (parts.length === 1) {
      local = parts[0]!;
      remote = parts[0]!;
    } else if (parts.length === 2) {
      local = parts[0] || '0';
      remote = parts[1]!;
    } else {
      throw new KubesimError(`invalid port format '${spec}'`);
    }
    const l = parseUint16(local);
    if (typeof l === 'string') throw new KubesimError(`error parsing local port '${local}': ${l}`);
    const r = parseUint16(remote);
    if (typeof r === 'string') throw new KubesimError(`error parsing remote port '${remote}': ${r}`);
    if (r === 0) throw new KubesimError('remote port must be > 0');
    return { local: l, remote: r };
  });
}

/** strconv.ParseUint(s, 10, 16): the number, or the error text. */
function parseUint16(s: string): number | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/**
 * parseAddresses (client-go): `localhost` is 127.0.0.1 and ::1 (either may fail), an IP must
 * bind; sorted by address, as the forwarder prints them.
 */
export function parseAddresses(addresses: readonly string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>();
  for (const address of addresses) {
    if (address === 'localhost') {
      if (!parsed.has('127.0.0.1'))
        parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', failureMode: 'all' });
    } else if (isIPv4(address)) {
      parsed.set(address, { address, protocol: 'tcp4', failureMode: 'any' });
    } else if (isIPv6(address)) {
      parsed.set(address, { address, protocol: 'tcp6', failureMode: 'any' });
    } else {
      throw new KubesimError(`${address} is not a valid IP`);
    }
  }
  return [...parsed.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** net.JoinHostPort */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go's `%v` of []ForwardedPort: `[{8080 80} {9090 90}]`. */
function formatPorts(ports: readonly ForwardedPort[]): string {
  return `[${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`;
}

/** The addresses a listener on the machine running kubectl can bind: loopback and the wildcards. */
function bindable(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || address === '0.0.0.0' || address === '::';
}

/** Whether two listeners on the same port collide (Linux: a wildcard takes its whole family). */
function collide(a: string, b: string): boolean {
  if (a === b || a === '::' || b === '::') return true;
  const v4 = (x: string) => isIPv4(x);
  return (a === '0.0.0.0' && v4(b)) || (b === '0.0.0.0' && v4(a));
}

/** One running `kubectl port-forward`. */
export class PortForward {
  readonly output: ForwardLine[] = [];
  open = true;
  endedAt: number | undefined;
  /** The listeners it holds: address and the port pair. */
  readonly listeners: Array<{ readonly address: string; readonly port: ForwardedPort }> = [];

  constructor(
    readonly id: number,
    readonly target: ForwardTarget,
    readonly ports: readonly ForwardedPort[],
  ) {}

  /** What the command printed so far on one stream. */
  text(stream: 'stdout' | 'stderr'): string {
    return this.output
      .filter((l) => l.stream === stream)
      .map((l) => `${l.text}\n`)
      .join('');
  }
}

/**
 * What `open` printed before returning, and the session when one is listening; `error` (the
 * command's final error) when no port could listen.
 */
export interface OpenResult {
  readonly forward?: PortForward;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: string;
}

export class PortForwards {
  private readonly sessions: PortForward[] = [];
  private readonly byPod = new Map<string, Set<PortForward>>();
  private nextId = 1;

  constructor(
    store: Store,
    private readonly clock: TimeSource,
    private readonly random: Random,
  ) {
    store.watch('Pod', (e) => {
      const pod = e.object;
      if (e.type === 'DELETED' || isTerminal(pod)) this.podGone(pod);
    });
  }

  /** Every session, open or ended, in the order they were opened. */
  get all(): readonly PortForward[] {
    return this.sessions;
  }

  /** The open sessions. */
  get active(): PortForward[] {
    return this.sessions.filter((s) => s.open);
  }

  /**
   * Starts forwarding (NewOnAddresses + ForwardPorts up to Ready): parses the addresses and
   * ports (throwing client-go's errors), binds each port on each address, prints `Forwarding
   * from …` per listener and `Unable to listen on port …` per port that failed, and fails with
   * `unable to listen on any of the requested ports` when none could listen.
   */
  open(target: ForwardTarget, addresses: readonly string[], ports: readonly string[]): OpenResult {
    if (addresses.length === 0) throw new KubesimError('you must specify at least 1 address');
    const parsedAddresses = parseAddresses(addresses);
    if (ports.length === 0) throw new KubesimError('you must specify at least 1 port');
    const parsedPorts = parsePorts(ports);
    const forward = new PortForward(this.nextId, target, parsedPorts);
    const stdout: string[] = [];
    const stderr: string[] = [];
    let listenSuccess = false;
    for (const port of parsedPorts) {
      const errors: string[] = [];
      const fail = { all: 0, any: 0 };
      const ok = { all: 0, any: 0 };
      for (const addr of parsedAddresses) {
        const err = this.bind(forward, addr, port);
        if (err) {
          errors.push(err);
          fail[addr.failureMode]++;
        } else {
          ok[addr.failureMode]++;
          stdout.push(`Forwarding from ${joinHostPort(addr.address, port.local)} -> ${port.remote}`);
        }
      }
      const failed = (ok.all === 0 && fail.all > 0) || fail.any > 0;
      if (failed) {
        stderr.push(
          `Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]`,
        );
      } else listenSuccess = true;
    }
    const printed = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
    if (!listenSuccess) {
      forward.listeners.length = 0;
      return {
        stdout: printed(stdout),
        stderr: printed(stderr),
        error: `unable to listen on any of the requested ports: ${formatPorts(parsedPorts)}`,
      };
    }
    this.nextId++;
    this.sessions.push(forward);
    const key = keyOf(target.namespace, target.pod);
    let set = this.byPod.get(key);
    if (!set) this.byPod.set(key, (set = new Set()));
    set.add(forward);
    for (const text of stdout) forward.output.push({ at: this.clock.now, stream: 'stdout', text });
    for (const text of stderr) forward.output.push({ at: this.clock.now, stream: 'stderr', text });
    return { forward, stdout: printed(stdout), stderr: printed(stderr) };
  }

  /**
   * The session listening on `port` at the local `host` (`localhost` tries 127.0.0.1, then ::1,
   * as a client falls back from one to the other), with its port pair.
   */
  listenerAt(host: string, port: number): { forward: PortForward; port: ForwardedPort } | undefined {
    const candidates = host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
    for (const address of candidates) {
      for (const s of this.sessions) {
        if (!s.open) continue;
        for (const l of s.listeners) {
          if (l.port.local !== port) continue;
          if (l.address === address || wildcardCovers(l.address, address))
            return { forward: s, port: l.port };
        }
      }
    }
    return undefined;
  }

  /** Notes an accepted connection (client-go prints it for each). */
  handling(forward: PortForward, port: ForwardedPort): void {
    this.say(forward, 'stdout', `Handling connection for ${port.local}`);
  }

  /**
   * A forwarded connection failed inside the pod: client-go logs the error and closes the
   * stream connection, so the command ends (since client-go v0.30).
   */
  failed(forward: PortForward, port: ForwardedPort, why: string): void {
    this.say(
      forward,
      'stderr',
      `an error occurred forwarding ${port.local} -> ${port.remote}: error forwarding port ${port.remote} to pod ${forward.target.uid}: ${why}`,
    );
    this.end(forward);
  }

  /** Ends a session: its listeners close and the command exits with `lost connection to pod`. */
  end(forward: PortForward): void {
    if (!forward.open) return;
    forward.open = false;
    forward.endedAt = this.clock.now;
    forward.listeners.length = 0;
    this.byPod.get(keyOf(forward.target.namespace, forward.target.pod))?.delete(forward);
    this.say(forward, 'stderr', 'error: lost connection to pod');
  }

  private podGone(pod: Pod): void {
    const set = this.byPod.get(keyOf(pod.metadata.namespace, pod.metadata.name));
    if (!set) return;
    for (const forward of [...set]) if (forward.target.uid === pod.metadata.uid) this.end(forward);
  }

  private say(forward: PortForward, stream: 'stdout' | 'stderr', text: string): void {
    forward.output.push({ at: this.clock.now, stream, text });
  }

  /** Binds one listener, or returns client-go's error text for it. */
  private bind(forward: PortForward, addr: ListenAddress, port: ForwardedPort): string | undefined {
    const where = (p: number) => `${addr.protocol} ${joinHostPort(addr.address, p)}`;
    if (!bindable(addr.address)) {
      return `unable to create listener: Error listen ${where(port.local)}: bind: cannot assign requested address`;
    }
    if (port.local === 0) port.local = this.ephemeralPort();
    if (this.inUse(forward, addr.address, port.local)) {
      return `unable to create listener: Error listen ${where(port.local)}: bind: address already in use`;
    }
    forward.listeners.push({ address: addr.address, port });
    return undefined;
  }

  private inUse(forward: PortForward, address: string, port: number): boolean {
    for (const s of [...this.sessions, forward]) {
      if (!s.open) continue;
      for (const l of s.listeners) if (l.port.local === port && collide(l.address, address)) return true;
    }
    return false;
  }

  private ephemeralPort(): number {
    const size = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    for (;;) {
      const p = EPHEMERAL_FIRST + this.random.int(size);
      if (!this.sessions.some((s) => s.open && s.listeners.some((l) => l.port.local === p))) return p;
    }
  }
}

function wildcardCovers(listener: string, address: string): boolean {
  return listener === '::' || (listener === '0.0.0.0' && isIPv4(address));
}

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
