import type { Command } from './ast.js';
import { SIM_EPOCH_MS } from './commands/date.js';
import type { Applet, ProcessInfo } from './commands/types.js';
import { KilledException } from './control.js';
import { ASH_SHELLS, type ShellTable, shellDialect } from './dialect.js';
import {
  type Answer,
  type Effect,
  type Gen,
  type Resumed,
  SIGNAL_NUMBERS,
  type Signal,
  type Step,
} from './effects.js';
import { cachedParse, type ProcessHost, Shell, type ShellOptionFlags } from './interpreter.js';
import type { Invocation } from './invocation.js';
import { EMPTY_INPUT, Fds, type OutputSink, SinkOutput, StringInput } from './io.js';
import { Variables } from './variables.js';
import type { Vfs } from './vfs.js';

/** The image's PATH (busybox and alpine images set this in their config). */
export const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The container's environment as the kubelet passes it: a record (insertion order) or pairs. */
export type EnvInput = Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

export interface ShellProcessOptions {
  /**
   * The container's file system (createContainerFs), shared with exec probes and kubectl exec;
   * or a function that builds it, called when the process first touches a file (a crash-looping
   * `sh -c 'exit 1'` never does, and each of its restarts would otherwise build a tree).
   */
  readonly fs: Vfs | (() => Vfs);
  /** The container's env (`$(VAR)` already expanded), service links included, in the kubelet's order. */
  readonly env?: EnvInput;
  /** The pod's hostname; default: HOSTNAME from env, else `localhost`. */
  readonly hostname?: string;
  /** The simulated clock in ms (the same clock that times effects). Default: always 0. */
  readonly now?: () => number;
  /** Unix ms of simulated time 0 (`date` prints epoch + now). Default 2025-01-01T00:00:00Z. */
  readonly epochMs?: number;
  /** $$. A container's main process is PID 1 (default); exec'd processes get other pids. */
  readonly pid?: number;
  readonly ppid?: number;
  /** Where stdout (fd 1) and stderr (fd 2) go, as raw text chunks. See LineSplitter. */
  readonly output?: OutputSink;
  /** What stdin holds (`kubectl exec -i` input). */
  readonly stdin?: string;
  /** stdin stays open after that text (`stdin: true` in the pod spec): reading it waits for ever. */
  readonly stdinOpen?: boolean;
  /** The container's `workingDir` (created if missing). Default `/`. */
  readonly workingDir?: string;
  /** Extra commands for this image (an image helper may add `nginx -s quit`, …). */
  readonly commands?: Readonly<Record<string, Applet>>;
  /** Seeds $RANDOM. */
  readonly seed?: number;
  /** busybox applet names the image does not have (Debian has no `wget`): `not found`. */
  readonly absent?: ReadonlySet<string>;
  /** The image's shells and their dialects (default busybox's: `sh` and `ash`, ash's words). */
  readonly shells?: ShellTable;
  /** The container's other processes (its main process, seen from an exec): `ps`, `kill`, `killall`. */
  readonly container?: ContainerProcesses;
}

/**
 * The processes of a container outside this one (an exec sees the container's main process as
 * PID 1). `now` is the caller's simulated time: an exec runs ahead in virtual time, and a process
 * that was told to quit is gone once that time has passed.
 */
export interface ContainerProcesses {
  processes(now: number): readonly ProcessInfo[];
  /** `sender` sends signal `signo` (0: only test) to `pid`; false when there is no such process. */
  kill(pid: number, signo: number, now: number, sender: number): boolean;
}

const NO_COMMANDS: ReadonlySet<string> = new Set();
const EXPORTED = Object.freeze({ export: true });

const NO_EXTRA_COMMANDS: ReadonlyMap<string, Applet> = new Map();
/** An image's extra commands as a map, made once per (frozen) commands object of its behaviour. */
const commandMaps = new WeakMap<object, ReadonlyMap<string, Applet>>();

function commandsMap(commands: Readonly<Record<string, Applet>> | undefined): ReadonlyMap<string, Applet> {
  if (!commands) return NO_EXTRA_COMMANDS;
  if (!Object.isFrozen(commands)) return new Map(Object.entries(commands));
  let map = commandMaps.get(commands);
  if (!map) commandMaps.set(commands, (map = new Map(Object.entries(commands))));
  return map;
}

interface Thread {
  readonly pid: number;
  /** Job number (`%1`); 0 for the main program. */
  readonly id: number;
  readonly command: string;
  readonly gen: Gen<number>;
  readonly startedAt: number;
  state: 'ready' | 'sleeping' | 'external' | 'waiting' | 'done';
  input: Resumed;
  until: number;
  /** A wait inside the shell (busy slice, `read`) that a trapped signal ends at once. */
  interruptible: boolean;
  waitPids: readonly number[];
  effect: Effect | undefined;
  status: number | undefined;
}

/** Result of `deliver`: the step to follow now, and whether it differs from the pending one. */
export interface Delivery {
  readonly step: Step;
  /** False: the pending step stays as it was (the signal was ignored, or its trap waits). */
  readonly changed: boolean;
  readonly outcome: 'killed' | 'ignored' | 'trap-pending' | 'trap-ran';
}

/**
 * One process of a container running the shell interpreter (the container's main process, an
 * exec probe, a `kubectl exec`). It never waits by itself: `start`, `resume` and `deliver`
 * return a Step (an effect to wait on, or the exit) and the driver calls `resume` when that
 * effect is done. Background jobs (`cmd &`) run as threads inside the process; their sleeps are
 * merged into the one `sleep` step the driver sees.
 *
 * Signals (`deliver`): SIGKILL ends it at once (137). SIGTERM runs the `trap` if one is set;
 * without one, a PID 1 shell ignores it (the kernel does not deliver default-action signals to a
 * namespace's init) and any other shell dies (143). ash runs a trap only between commands: while
 * the shell waits for a foreground child (`sleep 30`, `wget`), the trap runs when the child ends,
 * as busybox does; while it waits in the `wait` builtin (`sleep 30 & wait`) it runs at once.
 */
export class ShellProcess implements ProcessHost {
  readonly sink: OutputSink;
  readonly now: () => number;
  readonly epochMs: number;
  readonly hostname: string;
  readonly pid: number;
  readonly ppid: number;
  readonly startedAt: number;
  readonly extraCommands: ReadonlyMap<string, Applet>;
  readonly absentCommands: ReadonlySet<string>;
  readonly shells: ShellTable;
  readonly pid1: boolean;
  ops = 0;
  /** Busybox applets used that kubesim does not simulate (for a warning to the user). */
  readonly unsupportedApplets: string[] = [];
  /**
   * Why the runtime could not start the program, in containerd's words (a plain command that
   * does not exist): the kubelet reports StartError instead of running the process.
   */
  readonly startError: string | undefined;

  private readonly root: Shell;
  /** The environment as the runtime passes it (the order `env` prints without a shell). */
  private readonly env: ReadonlyArray<readonly [string, string]>;
  private readonly threads: Thread[] = [];
  private readonly jobStatuses = new Map<number, number | undefined>();
  private readonly jobList: Array<{ pid: number; id: number; command: string }> = [];
  private readonly externalQueue: Thread[] = [];
  private readonly mainCommand: string;
  private main: Thread | undefined;
  private exitStep: Step | undefined;
  private lastStep: Step | undefined;
  private pidCounter: number;
  private jobCounter = 0;
  private randomState: number;
  private vfs: Vfs | (() => Vfs);
  private readonly container: ContainerProcesses | undefined;

  constructor(
    private readonly invocation: Invocation,
    options: ShellProcessOptions,
  ) {
    this.vfs = options.fs;
    this.sink = options.output ?? (() => {});
    this.now = options.now ?? (() => 0);
    this.epochMs = options.epochMs ?? SIM_EPOCH_MS;
    this.pid = options.pid ?? 1;
    this.ppid = options.ppid ?? 0;
    this.pid1 = this.pid === 1;
    this.pidCounter = this.pid;
    this.startedAt = this.now();
    this.randomState = (options.seed ?? 1) >>> 0 || 1;
    this.extraCommands = commandsMap(options.commands);
    this.absentCommands = options.absent ?? NO_COMMANDS;
    this.shells = options.shells ?? ASH_SHELLS;
    this.container = options.container;
    const env = sharedRuntimeEnvironment(options);
    this.env = env;
    this.hostname = options.hostname ?? env.find(([k]) => k === 'HOSTNAME')?.[1] ?? 'localhost';
    this.mainCommand = invocation.argv.join(' ');

    const cwd = options.workingDir ?? '/';
    if (cwd !== '/' && !this.fs.isDir(cwd)) this.fs.mkdir(cwd, { parents: true });
    const stdin =
      options.stdin !== undefined || options.stdinOpen
        ? new StringInput(options.stdin ?? '', options.stdinOpen ?? false)
        : EMPTY_INPUT;
    const fds = new Fds(stdin, [undefined, new SinkOutput(this.sink, 1), new SinkOutput(this.sink, 2)]);
    const shellLike = invocation.kind !== 'exec' && invocation.kind !== 'error';
    // Built when the script first uses a variable (many never do).
    const vars = Variables.deferred((v) => {
      for (const [k, value] of env) v.set(k, value, EXPORTED);
      if (shellLike) {
        // ash's init(): SHLVL and PWD are exported after the inherited environment.
        v.set('SHLVL', String((Number(v.get('SHLVL') ?? '0') || 0) + 1), EXPORTED);
        v.set('PWD', cwd, EXPORTED);
      }
    });
    const arg0 =
      invocation.kind === 'shell' || invocation.kind === 'stdin' || invocation.kind === 'file'
        ? invocation.arg0
        : 'sh';
    const commandName =
      invocation.kind === 'shell'
        ? invocation.commandName
        : invocation.kind === 'file'
          ? invocation.arg0
          : undefined;
    const options_: Partial<ShellOptionFlags> = shellLike
      ? (invocation as { options: Partial<ShellOptionFlags> }).options
      : {};
    this.root = new Shell({
      host: this,
      vars,
      arg0,
      ...(commandName === undefined ? {} : { commandName }),
      positional: shellLike ? (invocation as { args: readonly string[] }).args : [],
      cwd,
      fds,
      lineBase: invocation.kind === 'shell' ? 0 : 1,
      options: options_,
      dialect: shellDialect(invocation.argv[0] ?? 'sh', this.shells) ?? this.shells.sh ?? 'ash',
    });
    this.startError = this.checkStart();
  }

  // ---- the driver's interface ----

  /** Runs the program until it first waits (or ends). Call once. */
  start(): Step {
    if (this.main) throw new Error('ShellProcess.start() called twice');
    // `sh -c SCRIPT` runs the script as the thread itself (mainProgram would only delegate).
    const inv = this.invocation;
    const program = inv.kind === 'shell' ? this.root.runMain(cachedParse(inv.script)) : this.mainProgram();
    this.main = this.newThread(0, this.mainCommand, program);
    return this.run();
  }

  /** The file system, built on first use. */
  get fs(): Vfs {
    if (typeof this.vfs === 'function') this.vfs = this.vfs();
    return this.vfs;
  }

  /**
   * Continues after the pending step: a sleep's end (no answer; `now()` must have reached its
   * `until`, else the remaining sleep comes back) or the answer to an http/tcp/dns effect.
   */
  resume(answer?: Answer): Step {
    if (this.exitStep) return this.exitStep;
    const pending = this.externalQueue[0];
    if (pending) {
      if (answer === undefined)
        throw new Error(`ShellProcess.resume: the pending ${pending.effect?.type} effect needs an answer`);
      this.externalQueue.shift();
      pending.state = 'ready';
      pending.input = answer;
      pending.effect = undefined;
    }
    this.wakeSleepers();
    return this.run();
  }

  /** Delivers a signal (see the class comment). */
  deliver(signal: Signal): Delivery {
    if (this.exitStep) return { step: this.exitStep, changed: false, outcome: 'ignored' };
    if (signal === 'SIGKILL') return { step: this.finish(137, 'SIGKILL'), changed: true, outcome: 'killed' };
    const signo = SIGNAL_NUMBERS[signal];
    const action = this.root.traps.get(signo);
    if (action === '' || (action === undefined && this.pid1)) {
      return { step: this.current(), changed: false, outcome: 'ignored' };
    }
    if (action === undefined)
      return { step: this.finish(128 + signo, signal), changed: true, outcome: 'killed' };
    this.root.pendingSignals.add(signo);
    const main = this.main;
    if (main && (main.state === 'waiting' || (main.state === 'sleeping' && main.interruptible))) {
      main.state = 'ready';
      main.input = { type: 'interrupted', signo };
      return { step: this.run(), changed: true, outcome: 'trap-ran' };
    }
    return { step: this.current(), changed: false, outcome: 'trap-pending' };
  }

  /** The step the process waits on now (a sleep's `ms` recomputed from now). */
  current(): Step {
    if (this.exitStep) return this.exitStep;
    const s = this.lastStep;
    if (s?.type === 'sleep') return { type: 'sleep', ms: Math.max(0, s.until - this.now()), until: s.until };
    return s ?? this.run();
  }

  get exited(): Extract<Step, { type: 'exit' }> | undefined {
    return this.exitStep as Extract<Step, { type: 'exit' }> | undefined;
  }

  /** The main shell (its variables, traps, cwd), for tests and diagnostics. */
  get shell(): Shell {
    return this.root;
  }

  // ---- ProcessHost (used by the interpreter) ----

  nextPid(): number {
    return ++this.pidCounter;
  }

  spawn(parent: Shell, command: Command): number {
    // A background job of a non-interactive shell reads /dev/null, not the shell's stdin.
    const sub = parent.subshell(parent.fds.withInput(EMPTY_INPUT));
    const pid = this.nextPid();
    const id = ++this.jobCounter;
    const text = commandText(command);
    this.jobStatuses.set(pid, undefined);
    this.jobList.push({ pid, id, command: text });
    this.newThread(id, text, sub.runSubshell(command), pid);
    return pid;
  }

  jobStatus(pid: number): number | undefined {
    return this.jobStatuses.get(pid);
  }

  isJob(pid: number): boolean {
    return this.jobStatuses.has(pid);
  }

  jobs(): ReadonlyArray<{ pid: number; id: number; command: string; status?: number }> {
    return this.jobList.map((j) => {
      const status = this.jobStatuses.get(j.pid);
      return status === undefined ? j : { ...j, status };
    });
  }

  kill(pid: number, signo: number, sender = this.pid): boolean {
    if (pid === this.pid || pid === 0) {
      this.signalSelf(signo);
      return true;
    }
    const t = this.threads.find((x) => x.pid === pid && x.state !== 'done');
    if (!t) return this.container?.kill(pid, signo, this.now(), sender) ?? false;
    if (signo !== 0) this.endThread(t, 128 + signo);
    return true;
  }

  /** Its own processes, and the container's others when it runs in a container (an exec). */
  processes(): readonly ProcessInfo[] {
    const own = this.threads
      .filter((t) => t.state !== 'done')
      .map((t) => ({ pid: t.pid, command: t.command, startedAt: t.startedAt }));
    if (!this.container) return own;
    const pids = new Set(own.map((p) => p.pid));
    const others = this.container.processes(this.now()).filter((p) => !pids.has(p.pid));
    return [...others, ...own].sort((a, b) => a.pid - b.pid);
  }

  unsupported(name: string): void {
    if (!this.unsupportedApplets.includes(name)) this.unsupportedApplets.push(name);
  }

  random(): number {
    // xorshift32: deterministic per seed.
    let x = this.randomState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.randomState = x >>> 0;
    return this.randomState;
  }

  // ---- internals ----

  private *mainProgram(): Gen<number> {
    const inv = this.invocation;
    const root = this.root;
    switch (inv.kind) {
      case 'shell':
        return yield* root.runMain(cachedParse(inv.script));
      case 'file': {
        const path = root.resolve(inv.path);
        if (!this.fs.isFile(path)) {
          root.fds.stderr.write(`${inv.arg0}: can't open '${inv.path}': No such file or directory\n`);
          return 2;
        }
        return yield* root.runMain(cachedParse(this.fs.readFile(path)));
      }
      case 'stdin': {
        // An interactive shell: runs what stdin holds; with stdin open and no `exit`, waits for more.
        const text = root.fds.stdin.readAll();
        const status = yield* root.runMain(cachedParse(text));
        if (root.fds.stdin.blocksAtEnd && !root.calledExit) {
          yield { type: 'pause', ms: Number.POSITIVE_INFINITY };
        }
        return status;
      }
      case 'exec':
        // The runtime starts the program itself: it is this process, with this pid.
        return yield* root.runExternal(inv.argv, root.fds, this.env, [], this.pid);
      case 'error':
        root.fds.stderr.write(`${inv.message}\n`);
        return 127;
    }
  }

  private checkStart(): string | undefined {
    const inv = this.invocation;
    if (inv.kind === 'error') return inv.message;
    if (inv.kind !== 'exec') return undefined;
    const name = inv.argv[0]!;
    const found = this.root.findProgram(name);
    if (found.kind === 'not-found') {
      return name.includes('/')
        ? `exec: "${name}": stat ${name}: no such file or directory`
        : `exec: "${name}": executable file not found in $PATH`;
    }
    if (found.kind === 'denied') return `exec: "${name}": permission denied`;
    return undefined;
  }

  private newThread(id: number, command: string, gen: Gen<number>, pid = this.pid): Thread {
    const t: Thread = {
      pid,
      id,
      command,
      gen,
      startedAt: this.now(),
      state: 'ready',
      input: undefined,
      until: 0,
      interruptible: false,
      waitPids: [],
      effect: undefined,
      status: undefined,
    };
    this.threads.push(t);
    return t;
  }

  private signalSelf(signo: number): void {
    if (signo === 0) return;
    const action = this.root.traps.get(signo);
    if (action) {
      this.root.pendingSignals.add(signo);
      return;
    }
    if (action === '' || this.pid1) return;
    throw new KilledException(signo);
  }

  private wakeSleepers(): void {
    const now = this.now();
    for (const t of this.threads) {
      if (t.state === 'sleeping' && t.until <= now) {
        t.state = 'ready';
        t.input = undefined;
      }
    }
  }

  /** Runs every runnable thread until all wait, then says what the process waits on. */
  private run(): Step {
    for (;;) {
      if (this.exitStep) return this.exitStep;
      let progressed = false;
      for (let i = 0; i < this.threads.length; i++) {
        const t = this.threads[i]!;
        if (
          t.state === 'waiting' &&
          t.waitPids.every((p) => this.jobStatuses.get(p) !== undefined || !this.jobStatuses.has(p))
        ) {
          t.state = 'ready';
          t.input = { type: 'done' };
        }
        if (t.state !== 'ready') continue;
        progressed = true;
        this.advance(t);
        if (this.exitStep) return this.exitStep;
      }
      if (!progressed) break;
    }
    for (let i = this.threads.length - 1; i >= 0; i--)
      if (this.threads[i]!.state === 'done') this.threads.splice(i, 1);
    const ext = this.externalQueue[0];
    let step: Step;
    if (ext?.effect && ext.effect.type !== 'sleep') {
      step = ext.effect;
    } else {
      let until = Number.POSITIVE_INFINITY;
      for (const t of this.threads) if (t.state === 'sleeping' && t.until < until) until = t.until;
      step = { type: 'sleep', ms: until - this.now(), until };
    }
    this.lastStep = step;
    return step;
  }

  private advance(t: Thread): void {
    let r: IteratorResult<unknown, number>;
    try {
      r = t.gen.next(t.input);
    } catch (e) {
      if (e instanceof KilledException) {
        this.finish(128 + e.signo, signalOf(e.signo));
        return;
      }
      throw e;
    }
    t.input = undefined;
    this.ops = 0;
    if (r.done) {
      this.endThread(t, r.value);
      return;
    }
    const y = r.value as { type: string; ms?: number; pids?: readonly number[] };
    switch (y.type) {
      case 'sleep':
      case 'pause':
        t.state = 'sleeping';
        t.until = this.now() + (y.ms ?? 0);
        t.interruptible = y.type === 'pause';
        break;
      case 'wait-jobs':
        t.state = 'waiting';
        t.waitPids = y.pids ?? [];
        break;
      default:
        t.state = 'external';
        t.effect = y as Effect;
        this.externalQueue.push(t);
    }
  }

  private endThread(t: Thread, status: number): void {
    t.state = 'done';
    t.status = status;
    const q = this.externalQueue.indexOf(t);
    if (q >= 0) this.externalQueue.splice(q, 1);
    if (t === this.main) {
      this.finish(status);
      return;
    }
    this.jobStatuses.set(t.pid, status);
  }

  private finish(code: number, signal?: Signal): Step {
    if (!this.exitStep) {
      this.exitStep = signal ? { type: 'exit', code, signal } : { type: 'exit', code };
      for (const t of this.threads) t.state = 'done';
      this.externalQueue.length = 0;
    }
    return this.exitStep;
  }
}

function signalOf(signo: number): Signal | undefined {
  for (const [name, n] of Object.entries(SIGNAL_NUMBERS)) if (n === signo) return name as Signal;
  return undefined;
}

/**
 * The environment the container runtime gives the process: the image's PATH, HOSTNAME, the
 * container's env in order (a variable the image also sets keeps the image's position, as
 * containerd's WithEnv replaces in place), and HOME=/root when nothing set it.
 */
export function runtimeEnvironment(
  options: Pick<ShellProcessOptions, 'env' | 'hostname'>,
): Array<[string, string]> {
  const given: ReadonlyArray<readonly [string, string]> = !options.env
    ? []
    : isPairs(options.env)
      ? options.env
      : Object.entries(options.env);
  const env: Array<[string, string]> = [['PATH', IMAGE_PATH]];
  const host = options.hostname ?? given.find(([k]) => k === 'HOSTNAME')?.[1];
  if (host !== undefined) env.push(['HOSTNAME', host]);
  // Where each name sits, so that a later value replaces an earlier one in place.
  const at = new Map<string, number>(env.map(([k], i) => [k, i]));
  for (const [k, v] of given) {
    const i = at.get(k);
    if (i !== undefined) env[i] = [k, v];
    else at.set(k, env.push([k, v]) - 1);
  }
  if (!at.has('HOME')) env.push(['HOME', '/root']);
  return env;
}

/**
 * runtimeEnvironment, made once per frozen environment list and hostname: the kubelet hands
 * every start of a container the same frozen list (its config cache), and a crash-looping
 * container starts every few minutes for days. The result is frozen, as it is shared.
 */
const sharedEnvironments = new WeakMap<
  object,
  { readonly hostname: string | undefined; readonly env: ReadonlyArray<readonly [string, string]> }
>();

function sharedRuntimeEnvironment(
  options: Pick<ShellProcessOptions, 'env' | 'hostname'>,
): ReadonlyArray<readonly [string, string]> {
  const given = options.env;
  if (!given || !Object.isFrozen(given)) return runtimeEnvironment(options);
  const cached = sharedEnvironments.get(given);
  if (cached && cached.hostname === options.hostname) return cached.env;
  const env = runtimeEnvironment(options);
  for (const pair of env) Object.freeze(pair);
  Object.freeze(env);
  sharedEnvironments.set(given, { hostname: options.hostname, env });
  return env;
}

function isPairs(env: EnvInput): env is ReadonlyArray<readonly [string, string]> {
  return Array.isArray(env);
}

/** A short text for a command (`jobs`, `ps`). */
export function commandText(node: Command): string {
  switch (node.kind) {
    case 'simple':
      return [...node.assigns.map((a) => `${a.name}=${a.value.text}`), ...node.words.map((w) => w.text)].join(
        ' ',
      );
    case 'pipeline':
      return `${node.negate ? '! ' : ''}${node.commands.map(commandText).join(' | ')}`;
    case 'andor':
      return [commandText(node.first), ...node.rest.map((r) => `${r.op} ${commandText(r.command)}`)].join(
        ' ',
      );
    case 'list':
      return node.items.map((i) => commandText(i.command) + (i.background ? ' &' : '')).join('; ');
    case 'subshell':
      return `(${commandText(node.body)})`;
    case 'group':
      return `{ ${commandText(node.body)}; }`;
    case 'redirected':
      return commandText(node.body);
    case 'loop':
      return `${node.until ? 'until' : 'while'} ${commandText(node.cond)}; do ${commandText(node.body)}; done`;
    case 'for':
      return `for ${node.name} in ${(node.items ?? []).map((w) => w.text).join(' ')}; do ${commandText(node.body)}; done`;
    case 'if':
      return 'if …; fi';
    case 'case':
      return `case ${node.word.text} in …; esac`;
    case 'function':
      return `${node.name}() {…}`;
  }
  return '';
}
