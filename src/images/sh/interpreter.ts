import type { Command, Redirect, Script, SimpleCommand, Word } from './ast.js';
import { APPLETS, isBusyboxApplet } from './commands/registry.js';
import { shApplet } from './commands/sys.js';
import type { Applet, AppletContext, ProcessInfo, SystemApi } from './commands/types.js';
import {
  BreakException,
  BuiltinError,
  ExecException,
  ExitException,
  RedirectError,
  ReturnException,
} from './control.js';
import { commandError, type ShellDialect, type ShellTable, shellDialect } from './dialect.js';
import type { Gen } from './effects.js';
import {
  type ExpandContext,
  expandAll,
  expandFields,
  expandPattern,
  expandString,
  FatalShellError,
} from './expand.js';
import { matchPattern } from './glob.js';
import {
  CaptureOutput,
  EMPTY_INPUT,
  type Fds,
  FileOutput,
  type Input,
  NULL_OUTPUT,
  type Output,
  type OutputSink,
  StringInput,
} from './io.js';
import { parseScript } from './parser.js';
import { BUILTINS, SPECIAL_BUILTINS } from './shell-builtins.js';
import { ReadonlyError, type Variables } from './variables.js';
import { normalizePath, type Vfs, VfsError } from './vfs.js';

/**
 * The POSIX-sh interpreter (busybox ash semantics). Every `exec*` method is a generator: it runs
 * synchronously until a command must wait (a `sleep`, a network request), yields that effect to
 * the process (process.ts), and continues when resumed. The parsed tree is never changed, so a
 * loop body runs from the same nodes every iteration and nothing is parsed twice (`eval`, trap
 * and script texts are parsed once and cached).
 */

/** Commands per millisecond before a loop that never waits is charged simulated time. */
export const OPS_PER_MS = 100;

/** What the interpreter needs from the process it runs in (process.ts implements it). */
export interface ProcessHost {
  readonly fs: Vfs;
  readonly sink: OutputSink;
  readonly now: () => number;
  readonly epochMs: number;
  readonly hostname: string;
  /** $$ of the main shell. */
  readonly pid: number;
  readonly ppid: number;
  readonly startedAt: number;
  readonly extraCommands: ReadonlyMap<string, Applet>;
  /** busybox applet names the image does not have (a Debian image has no `wget`, no `killall`). */
  readonly absentCommands: ReadonlySet<string>;
  /** The image's shells by program name (`sh`, `bash`) and the dialect of their messages. */
  readonly shells: ShellTable;
  /** Commands run since the last wait (see OPS_PER_MS). */
  ops: number;
  nextPid(): number;
  /** Starts `command` in the background as a subshell of `shell`; returns its pid. */
  spawn(shell: Shell, command: Command): number;
  /** Exit status of a background job; undefined while it runs or when unknown. */
  jobStatus(pid: number): number | undefined;
  isJob(pid: number): boolean;
  jobs(): ReadonlyArray<{
    readonly pid: number;
    readonly id: number;
    readonly command: string;
    readonly status?: number;
  }>;
  /** `sender` sends a signal to a process of this container (`kill`); false if there is none. */
  kill(pid: number, signo: number, sender?: number): boolean;
  processes(): readonly ProcessInfo[];
  unsupported(name: string): void;
  random(): number;
}

export interface ShellOptionFlags {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
  allexport: boolean;
}

export interface ShellInit {
  readonly host: ProcessHost;
  readonly vars: Variables;
  readonly arg0: string;
  /** ash's `commandname` at top level: set when `sh -c SCRIPT NAME` or a script file named it. */
  readonly commandName?: string;
  readonly positional: readonly string[];
  readonly cwd: string;
  readonly fds: Fds;
  /** `sh -c` counts lines from 0, a script file from 1. */
  readonly lineBase: number;
  readonly options?: Partial<ShellOptionFlags>;
  /** Whose words its messages use (default ash's). */
  readonly dialect?: ShellDialect;
}

const scriptCache = new Map<string, Script>();
/** A main shell inherits no traps. */
const NO_TRAPS: ReadonlyMap<number, string> = new Map();

/** Parses a script text once; repeated texts (trap actions, eval strings, files) reuse the tree. */
export function cachedParse(text: string): Script {
  let s = scriptCache.get(text);
  if (!s) {
    s = parseScript(text);
    if (scriptCache.size > 500) scriptCache.clear();
    scriptCache.set(text, s);
  }
  return s;
}

export class Shell implements ExpandContext {
  readonly host: ProcessHost;
  vars: Variables;
  readonly arg0: string;
  readonly commandName: string | undefined;
  /** $1, $2, … */
  params: string[];
  cwd: string;
  /** Status of the last command substitution (the status of a command with no words). */
  private backStatus = 0;
  fds: Fds;
  readonly lineBase: number;
  readonly options: ShellOptionFlags;
  readonly dialect: ShellDialect;
  readonly functions: Map<string, Command>;
  /** Trap actions by signal number (0 = EXIT); '' ignores the signal. */
  readonly traps: Map<number, string>;
  /**
   * The parent's traps, which `trap` lists in a subshell until the subshell sets its own (ash's
   * "trap hack": `saved=$(trap)` captures the traps of the shell itself).
   */
  readonly inheritedTraps: ReadonlyMap<number, string>;
  /** Signals received and trapped, waiting for the current command to finish (main shell only). */
  readonly pendingSignals = new Set<number>();
  status = 0;
  loopDepth = 0;
  lastBackgroundPid: number | undefined;
  /** Line of the command running now (for `sh: cd: line 0: …`). */
  line = 0;
  /** Exit status from before the trap now running (`exit` with no argument uses it). */
  private trapSavedStatus: number | undefined;
  readonly isSubshell: boolean;
  /** The program ended through `exit` (or a fatal error), not by running out of commands. */
  calledExit = false;
  /** Set by `exec` without a command: the builtin's redirections become the shell's. */
  private keepFds = false;

  constructor(init: ShellInit, parent?: Shell) {
    this.host = init.host;
    this.vars = init.vars;
    this.arg0 = init.arg0;
    this.commandName = init.commandName;
    this.params = [...init.positional];
    this.cwd = init.cwd;
    this.fds = init.fds;
    this.lineBase = init.lineBase;
    this.dialect = init.dialect ?? 'ash';
    this.options = {
      errexit: false,
      xtrace: false,
      nounset: false,
      noglob: false,
      allexport: false,
      ...init.options,
    };
    this.functions = parent ? new Map(parent.functions) : new Map();
    // A subshell keeps ignored signals ignored and resets the others (POSIX).
    this.traps = new Map();
    if (parent) {
      for (const [sig, action] of parent.traps) if (action === '' && sig !== 0) this.traps.set(sig, '');
    }
    this.inheritedTraps = parent
      ? new Map(parent.traps.size > 0 ? parent.traps : parent.inheritedTraps)
      : NO_TRAPS;
    this.isSubshell = parent !== undefined;
    if (parent) {
      this.status = parent.status;
      this.lastBackgroundPid = parent.lastBackgroundPid;
      this.line = parent.line;
    }
  }

  /** A copy of this shell for `( … )`, `$( … )`, pipelines and background jobs. */
  subshell(fds = this.fds): Shell {
    return new Shell(
      {
        host: this.host,
        vars: this.vars.clone(),
        arg0: this.arg0,
        ...(this.commandName === undefined ? {} : { commandName: this.commandName }),
        positional: this.params,
        cwd: this.cwd,
        fds,
        lineBase: this.lineBase,
        options: { ...this.options },
        dialect: this.dialect,
      },
      this,
    );
  }

  // ---- ExpandContext ----

  get vfs(): Vfs {
    return this.host.fs;
  }

  get nounset(): boolean {
    return this.options.nounset;
  }

  get noglob(): boolean {
    return this.options.noglob;
  }

  lookup(name: string): string | undefined {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(name);
      return n === 0 ? this.arg0 : this.params[n - 1];
    }
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.host.pid);
      case '#':
        return String(this.params.length);
      case '!':
        return this.lastBackgroundPid === undefined ? undefined : String(this.lastBackgroundPid);
      case '-':
        return this.flagString();
      case '@':
      case '*':
        return this.params.join(' ');
      case 'RANDOM':
        if (!this.vars.isSet('RANDOM')) return String(this.host.random() & 0x7fff);
        break;
      case 'SECONDS':
        if (!this.vars.isSet('SECONDS'))
          return String(Math.floor((this.host.now() - this.host.startedAt) / 1000));
        break;
      case 'LINENO':
        return String(this.line + this.lineBase);
      case 'PPID':
        if (!this.vars.isSet('PPID')) return String(this.host.ppid);
        break;
    }
    return this.vars.get(name);
  }

  positional(): readonly string[] {
    return this.params;
  }

  setVar(name: string, value: string): void {
    try {
      this.vars.set(name, value, this.options.allexport ? { export: true } : {});
    } catch (e) {
      if (e instanceof ReadonlyError) throw new FatalShellError(e.message);
      throw e;
    }
  }

  *commandSubstitution(body: Command | undefined): Gen<string> {
    if (!body) return '';
    const capture = new CaptureOutput();
    const sub = this.subshell(this.fds.withOutput(1, capture));
    this.backStatus = yield* sub.runSubshell(body);
    this.status = this.backStatus;
    return capture.text;
  }

  private flagString(): string {
    let s = '';
    if (this.options.errexit) s += 'e';
    if (this.options.noglob) s += 'f';
    if (this.options.nounset) s += 'u';
    if (this.options.xtrace) s += 'x';
    return s;
  }

  // ---- messages ----

  /** ash's message prefix: `sh: `, then for builtins `cd: line 0: `. */
  errPrefix(commandName = this.commandName): string {
    let s = `${this.arg0}: `;
    if (commandName !== undefined) {
      if (commandName !== this.arg0) s += `${commandName}: `;
      s += `line ${this.line + this.lineBase}: `;
    }
    return s;
  }

  /** Prints an ash error message to stderr. */
  msg(text: string, commandName?: string): void {
    this.fds.stderr.write(`${this.errPrefix(commandName)}${text}\n`);
  }

  /** A command that cannot run, in this shell's dialect (dash and bash number the line from 1). */
  private commandMsg(
    name: string,
    problem: 'not found' | 'Permission denied' | 'applet not simulated by kubesim',
  ) {
    if (this.dialect === 'ash') {
      this.msg(`${name}: ${problem}`);
      return;
    }
    const line = this.line + Math.max(this.lineBase, 1);
    const text = commandError(this.dialect, this.arg0, line, name, problem, this.lineBase === 0);
    this.fds.stderr.write(`${text}\n`);
  }

  /** The short name ash's builtin applets (test, echo, kill) print errors with. */
  get appletErrName(): string {
    return this.arg0.slice(this.arg0.lastIndexOf('/') + 1);
  }

  resolve(path: string): string {
    return normalizePath(path, this.cwd);
  }

  // ---- running scripts ----

  /** Runs a whole script as the main program of a process; returns the exit status. */
  *runMain(script: Script): Gen<number> {
    try {
      for (const chunk of script.chunks) yield* this.exec(chunk, false);
      if (script.error) {
        this.line = script.errorLine ?? this.line;
        this.msg(script.error);
        this.status = 2;
      }
    } catch (e) {
      if (e instanceof ExecException) return e.code;
      this.status = this.statusFromException(e);
    }
    // Without an EXIT trap there is nothing to run: no generator for it.
    if (!this.traps.get(0)) return this.status;
    return yield* this.runExitTrap();
  }

  /** Runs a command tree in this (sub)shell as its whole program: `( … )`, `$( … )`, a job. */
  *runSubshell(body: Command): Gen<number> {
    try {
      yield* this.exec(body, false);
    } catch (e) {
      if (e instanceof ExecException) return e.code;
      this.status = this.statusFromException(e);
    }
    return yield* this.runExitTrap();
  }

  private statusFromException(e: unknown): number {
    if (e instanceof ExitException) {
      this.calledExit = true;
      return e.code;
    }
    if (e instanceof ReturnException) return e.code;
    if (e instanceof BreakException) return this.status;
    if (e instanceof FatalShellError) {
      this.msg(e.message);
      return e.status;
    }
    throw e;
  }

  /** The EXIT trap; it keeps the exit status unless it calls `exit N` itself. */
  private *runExitTrap(): Gen<number> {
    const action = this.traps.get(0);
    if (!action) return this.status;
    this.traps.delete(0);
    const saved = this.status;
    this.trapSavedStatus = saved;
    try {
      yield* this.evalString(action);
    } catch (e) {
      if (e instanceof ExitException) return e.code;
      this.statusFromException(e);
    }
    return saved;
  }

  /** Runs the actions of trapped signals that arrived (ash `dotrap`); the status is kept. */
  *runPendingTraps(): Gen<void> {
    if (this.pendingSignals.size === 0) return;
    const saved = this.status;
    const signals = [...this.pendingSignals].sort((a, b) => a - b);
    this.pendingSignals.clear();
    for (const sig of signals) {
      const action = this.traps.get(sig);
      if (!action) continue;
      const before = this.trapSavedStatus;
      this.trapSavedStatus = saved;
      try {
        yield* this.evalString(action);
      } finally {
        this.trapSavedStatus = before;
      }
      this.status = saved;
    }
  }

  /** `eval`, `trap` actions: parse (cached) and run in this shell. */
  *evalString(text: string): Gen<number> {
    const script = cachedParse(text);
    let status = 0;
    for (const chunk of script.chunks) status = yield* this.exec(chunk, false);
    if (script.error) {
      this.msg(script.error);
      throw new ExitException(2);
    }
    if (script.chunks.length === 0) this.status = 0;
    return status;
  }

  // ---- the evaluator (ash evaltree) ----

  *exec(node: Command, tested: boolean): Gen<number> {
    if (this.pendingSignals.size > 0) yield* this.runPendingTraps();
    let status = 0;
    let checkExit = false;
    switch (node.kind) {
      case 'simple': {
        const quick = this.execBuiltinNow(node);
        if (quick === undefined) status = yield* this.execSimple(node);
        else status = typeof quick === 'number' ? quick : yield* quick;
        checkExit = !tested;
        break;
      }
      case 'pipeline':
        status = yield* this.execPipeline(node.commands, node.negate);
        checkExit = !tested && !node.negate;
        break;
      case 'andor': {
        status = yield* this.exec(node.first, true);
        for (let i = 0; i < node.rest.length; i++) {
          const { op, command } = node.rest[i]!;
          if ((op === '&&') !== (status === 0)) continue;
          status = yield* this.exec(command, i === node.rest.length - 1 ? tested : true);
        }
        break;
      }
      case 'list':
        status = 0;
        for (const item of node.items) {
          if (item.background) {
            this.lastBackgroundPid = this.host.spawn(this, item.command);
            status = 0;
            this.status = 0;
          } else {
            status = yield* this.exec(item.command, tested);
          }
        }
        break;
      case 'if': {
        status = 0;
        let ran = false;
        for (const clause of node.clauses) {
          if ((yield* this.exec(clause.cond, true)) === 0) {
            status = yield* this.exec(clause.body, tested);
            ran = true;
            break;
          }
        }
        if (!ran) status = node.otherwise ? yield* this.exec(node.otherwise, tested) : 0;
        break;
      }
      case 'loop':
        status = yield* this.execLoop(node.cond, node.body, node.until, tested);
        break;
      case 'for':
        status = yield* this.execFor(node.name, node.items, node.body, tested, node.line);
        break;
      case 'case':
        status = yield* this.execCase(node, tested);
        break;
      case 'group':
        status = yield* this.exec(node.body, tested);
        break;
      case 'subshell': {
        const sub = this.subshell();
        status = yield* sub.runSubshell(node.body);
        checkExit = !tested;
        break;
      }
      case 'redirected':
        status = yield* this.execRedirected(node.body, node.redirs, tested);
        break;
      case 'function':
        // Defining a function succeeds (ash: `false; f() { :; }; echo $?` prints 0).
        this.functions.set(node.name, node.body);
        status = 0;
        break;
    }
    this.status = status;
    if (this.pendingSignals.size > 0) yield* this.runPendingTraps();
    if (checkExit && status !== 0 && this.options.errexit) throw new ExitException(status);
    return status;
  }

  private *execLoop(cond: Command, body: Command, until: boolean, tested: boolean): Gen<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        let c: number;
        try {
          c = yield* this.exec(cond, true);
        } catch (e) {
          if (!(e instanceof BreakException)) throw e;
          if (this.consumeBreak(e) === 'break') break;
          continue;
        }
        if ((c === 0) === until) break;
        try {
          status = yield* this.exec(body, tested);
        } catch (e) {
          if (!(e instanceof BreakException)) throw e;
          if (this.consumeBreak(e) === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  /** Handles break/continue at this loop level: rethrows when it targets an outer loop. */
  private consumeBreak(e: BreakException): 'break' | 'continue' {
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind;
  }

  private *execFor(
    name: string,
    items: readonly Word[] | undefined,
    body: Command,
    tested: boolean,
    line: number,
  ): Gen<number> {
    this.line = line;
    const values = items ? yield* expandAll(this, items) : [...this.params];
    let status = 0;
    this.loopDepth++;
    try {
      for (const v of values) {
        this.setVar(name, v);
        try {
          status = yield* this.exec(body, tested);
        } catch (e) {
          if (!(e instanceof BreakException)) throw e;
          if (this.consumeBreak(e) === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *execCase(node: Extract<Command, { kind: 'case' }>, tested: boolean): Gen<number> {
    const value = yield* expandString(this, node.word);
    for (const arm of node.arms) {
      for (const pattern of arm.patterns) {
        const chars = yield* expandPattern(this, pattern);
        if (matchPattern(chars, value)) return arm.body ? yield* this.exec(arm.body, tested) : 0;
      }
    }
    return 0;
  }

  private *execRedirected(body: Command, redirs: readonly Redirect[], tested: boolean): Gen<number> {
    const saved = this.fds;
    let fds: Fds;
    try {
      fds = yield* this.applyRedirects(redirs, saved);
    } catch (e) {
      if (e instanceof RedirectError) {
        this.msg(e.message);
        return 2;
      }
      throw e;
    }
    this.fds = fds;
    try {
      return yield* this.exec(body, tested);
    } finally {
      this.fds = saved;
    }
  }

  private *execPipeline(commands: readonly Command[], negate: boolean): Gen<number> {
    // Each element runs in a subshell, one after the other: the output of one is the next one's
    // input (simplification: no concurrency, so a producer that never ends blocks the pipeline).
    let input: Input | undefined;
    let status = 0;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      const capture = last ? undefined : new CaptureOutput();
      let fds = input ? this.fds.withInput(input) : this.fds;
      if (capture) fds = fds.withOutput(1, capture);
      const sub = this.subshell(fds);
      status = yield* sub.runSubshell(commands[i]!);
      if (capture) input = new StringInput(capture.text);
    }
    return negate ? (status === 0 ? 1 : 0) : status;
  }

  // ---- simple commands (ash evalcommand) ----

  /**
   * execSimple for the commonest simple command, a builtin with literal words and nothing else
   * (`exit 1`, `true`, `:`), run without a generator of its own; undefined for anything else,
   * and when the command would be the one that charges the loop's time (then execSimple runs it).
   */
  private execBuiltinNow(cmd: SimpleCommand): number | Gen<number> | undefined {
    if (cmd.assigns.length > 0 || cmd.redirs.length > 0 || this.options.xtrace) return undefined;
    if (this.host.ops + 1 >= OPS_PER_MS) return undefined;
    const argv = literalArgv(cmd);
    if (argv === undefined || argv.length === 0) return undefined;
    const name = argv[0]!;
    const builtin = BUILTINS.get(name);
    if (builtin === undefined || this.functions.has(name)) return undefined;
    this.line = cmd.line;
    this.host.ops++;
    this.backStatus = 0;
    return this.runBuiltin(builtin, argv, this.fds);
  }

  private *execSimple(cmd: SimpleCommand): Gen<number> {
    this.line = cmd.line;
    if (++this.host.ops >= OPS_PER_MS) {
      // A loop that never waits still uses time: charge it, so simulated time moves on.
      this.host.ops = 0;
      yield { type: 'pause', ms: 1 };
    }
    this.backStatus = 0;
    const argv = literalArgv(cmd) ?? (yield* expandAll(this, cmd.words));

    if (argv.length === 0) {
      // Only assignments and redirections: variables persist; redirections open and close files.
      for (const a of cmd.assigns) this.setVar(a.name, yield* expandString(this, a.value));
      if (this.options.xtrace && cmd.assigns.length > 0) {
        this.trace(cmd.assigns.map((a) => `${a.name}=${this.vars.get(a.name) ?? ''}`));
      }
      if (cmd.redirs.length > 0) {
        try {
          yield* this.applyRedirects(cmd.redirs, this.fds);
        } catch (e) {
          if (e instanceof RedirectError) {
            this.msg(e.message);
            return 2;
          }
          throw e;
        }
      }
      return this.backStatus;
    }

    const name = argv[0]!;
    const fn = this.functions.get(name);
    const builtin = fn ? undefined : BUILTINS.get(name);
    const special = builtin !== undefined && SPECIAL_BUILTINS.has(name);

    let fds = this.fds;
    if (cmd.redirs.length > 0) {
      try {
        fds = yield* this.applyRedirects(cmd.redirs, this.fds);
      } catch (e) {
        if (e instanceof RedirectError) {
          this.msg(e.message);
          if (special) throw new ExitException(2);
          return 2;
        }
        throw e;
      }
    }

    let assigned: ReadonlyArray<readonly [string, string]> = NO_ASSIGNMENTS;
    if (cmd.assigns.length > 0) {
      const list: Array<[string, string]> = [];
      for (const a of cmd.assigns) list.push([a.name, yield* expandString(this, a.value)]);
      assigned = list;
    }
    if (this.options.xtrace) this.trace([...assigned.map(([k, v]) => `${k}=${v}`), ...argv], fds);

    if (fn) return yield* this.callFunction(fn, argv, fds, assigned);
    if (builtin) {
      // Assignments: permanent before special builtins, for the command only before others.
      if (special) for (const [k, v] of assigned) this.setVar(k, v);
      const temporary = !special && assigned.length > 0;
      if (temporary) {
        this.vars.pushScope();
        for (const [k, v] of assigned) {
          this.vars.makeLocal(k, v);
          this.vars.export(k);
        }
      }
      try {
        const r = this.runBuiltin(builtin, argv, fds);
        return typeof r === 'number' ? r : yield* r;
      } finally {
        if (temporary) this.vars.popScope();
      }
    }
    return yield* this.runExternal(argv, fds, undefined, assigned);
  }

  private trace(words: readonly string[], fds = this.fds): void {
    const ps4 = this.vars.get('PS4') ?? '+ ';
    fds.stderr.write(`${ps4}${words.map(quoteForTrace).join(' ')}\n`);
  }

  /** The environment a child process gets: exported variables plus the command's assignments. */
  environFor(assigned: ReadonlyArray<readonly [string, string]> = []): Array<[string, string]> {
    if (assigned.length === 0) return this.vars.environ();
    const vars = this.vars.clone();
    for (const [k, v] of assigned) vars.set(k, v, { export: true });
    return vars.environ();
  }

  /** Runs a builtin in this shell with `fds`; synchronous builtins cost no generator. */
  private runBuiltin(builtin: Builtin, argv: readonly string[], fds: Fds): number | Gen<number> {
    const savedFds = this.fds;
    this.fds = fds;
    this.keepFds = false;
    let r: number | Gen<number>;
    try {
      r = builtin(this, argv);
    } catch (e) {
      try {
        return this.builtinFailed(e, argv);
      } finally {
        this.restoreFds(savedFds);
      }
    }
    if (typeof r === 'number') {
      this.restoreFds(savedFds);
      return r;
    }
    return this.finishBuiltin(r, argv, savedFds);
  }

  private *finishBuiltin(gen: Gen<number>, argv: readonly string[], savedFds: Fds): Gen<number> {
    try {
      return yield* gen;
    } catch (e) {
      return this.builtinFailed(e, argv);
    } finally {
      this.restoreFds(savedFds);
    }
  }

  private restoreFds(saved: Fds): void {
    if (!this.keepFds) this.fds = saved;
    this.keepFds = false;
  }

  /** A builtin's error: its message in ash's format; special builtins end the shell. */
  private builtinFailed(e: unknown, argv: readonly string[]): number {
    if (e instanceof BuiltinError) {
      this.msg(e.message, argv[0]);
      if (SPECIAL_BUILTINS.has(argv[0]!)) throw new ExitException(e.status);
      return e.status;
    }
    if (e instanceof ReadonlyError) {
      this.msg(e.message, argv[0]);
      throw new ExitException(2);
    }
    throw e;
  }

  private *callFunction(
    body: Command,
    argv: readonly string[],
    fds: Fds,
    assigned: ReadonlyArray<readonly [string, string]>,
  ): Gen<number> {
    const savedParams = this.params;
    const savedFds = this.fds;
    this.params = argv.slice(1);
    this.fds = fds;
    this.vars.pushScope();
    for (const [k, v] of assigned) this.vars.makeLocal(k, v);
    try {
      return yield* this.exec(body, false);
    } catch (e) {
      if (e instanceof ReturnException) return e.code;
      throw e;
    } finally {
      this.vars.popScope();
      this.params = savedParams;
      this.fds = savedFds;
    }
  }

  // ---- external commands (busybox applets, scripts) ----

  /**
   * Runs a program as a child process of this shell: a busybox applet or a script file. Its
   * environment is `env`, or (computed only if the program looks) the shell's exported
   * variables plus the command's `assigned` ones.
   */
  *runExternal(
    argv: readonly string[],
    fds: Fds,
    env?: ReadonlyArray<readonly [string, string]>,
    assigned: ReadonlyArray<readonly [string, string]> = [],
    ownPid?: number,
  ): Gen<number> {
    const name = argv[0]!;
    const found = this.findProgram(name);
    if (found.kind === 'not-found') {
      this.commandMsg(name, 'not found');
      return 127;
    }
    if (found.kind === 'denied') {
      this.commandMsg(name, 'Permission denied');
      return 126;
    }
    if (found.kind === 'unsupported') {
      this.host.unsupported(found.applet);
      this.commandMsg(name, 'applet not simulated by kubesim');
      return 127;
    }
    const pid = ownPid ?? this.host.nextPid();
    if (found.kind === 'script')
      return yield* this.runScriptFile(found.path, argv, fds, env ?? this.environFor(assigned));
    const call = new AppletCall(this, found.applet, found.applet, argv, fds, pid, env, assigned);
    const r = found.impl(call);
    return typeof r === 'number' ? r : yield* r;
  }

  /**
   * Where a command name leads: ash builtins come first (handled by the caller), then a name
   * with a slash is a path, else busybox's applets (installed in /bin, /sbin, /usr/bin), else an
   * executable file in a $PATH directory of the VFS (a script from a configMap).
   */
  findProgram(
    name: string,
  ):
    | { kind: 'applet'; applet: string; impl: Applet }
    | { kind: 'script'; path: string }
    | { kind: 'unsupported'; applet: string }
    | { kind: 'denied' }
    | { kind: 'not-found' } {
    if (name.includes('/')) {
      const path = this.resolve(name);
      const m = /^\/(?:usr\/)?s?bin\/([^/]+)$/.exec(path);
      if (m) {
        const r = this.appletByName(m[1]!);
        if (r) return r;
      }
      // The bash image installs bash in /usr/local/bin.
      if (shellDialect(path, this.host.shells))
        return this.appletByName(path.slice(path.lastIndexOf('/') + 1))!;
      return this.fileProgram(path);
    }
    const r = this.appletByName(name);
    if (r) return r;
    for (const dir of (this.vars.get('PATH') ?? '').split(':')) {
      if (!dir) continue;
      const path = normalizePath(`${dir}/${name}`, this.cwd);
      if (this.host.fs.isFile(path)) return this.fileProgram(path);
    }
    return { kind: 'not-found' };
  }

  private appletByName(
    name: string,
  ): { kind: 'applet'; applet: string; impl: Applet } | { kind: 'unsupported'; applet: string } | undefined {
    const extra = this.host.extraCommands.get(name);
    if (extra) return { kind: 'applet', applet: name, impl: extra };
    if (this.host.absentCommands.has(name)) return undefined;
    if (Object.hasOwn(this.host.shells, name)) return { kind: 'applet', applet: name, impl: shApplet };
    const impl = APPLETS.get(name);
    if (impl) return { kind: 'applet', applet: name, impl };
    if (isBusyboxApplet(name)) return { kind: 'unsupported', applet: name };
    return undefined;
  }

  private fileProgram(
    path: string,
  ): { kind: 'script'; path: string } | { kind: 'denied' } | { kind: 'not-found' } {
    const st = this.host.fs.stat(path);
    if (!st) return { kind: 'not-found' };
    if (st.kind === 'dir' || (st.mode & 0o111) === 0) return { kind: 'denied' };
    return { kind: 'script', path };
  }

  /** Runs an applet as ash runs its builtin versions (echo, test, kill): in this process. */
  *runBuiltinApplet(impl: Applet, argv: readonly string[]): Gen<number> {
    const call = new AppletCall(
      this,
      argv[0]!,
      this.appletErrName,
      argv,
      this.fds,
      this.host.pid,
      undefined,
      [],
    );
    const r = impl(call);
    return typeof r === 'number' ? r : yield* r;
  }

  /** A script file run as a program (`./run.sh`, `sh run.sh`): a new shell process. */
  *runScriptFile(
    path: string,
    argv: readonly string[],
    fds: Fds,
    env: ReadonlyArray<readonly [string, string]>,
  ): Gen<number> {
    let text: string;
    try {
      text = this.host.fs.readFile(path);
    } catch (e) {
      if (e instanceof VfsError) {
        this.msg(`can't open '${argv[0]}': ${e.reason}`);
        return 127;
      }
      throw e;
    }
    const child = this.childShell(argv[0]!, argv[0]!, argv.slice(1), fds, env, 1);
    return yield* child.runMain(cachedParse(text));
  }

  /** A new shell process (`sh -c`, a script): it inherits only the exported environment. */
  childShell(
    arg0: string,
    commandName: string | undefined,
    positional: readonly string[],
    fds: Fds,
    env: ReadonlyArray<readonly [string, string]>,
    lineBase: number,
    options: Partial<ShellOptionFlags> = {},
    dialect: ShellDialect = this.dialect,
  ): Shell {
    const vars = this.vars.clone();
    for (const [k] of vars.sorted())
      if (!vars.isExported(k) && !['PATH', 'IFS', 'PS1', 'PS2', 'PS4', 'OPTIND'].includes(k)) vars.unset(k);
    for (const [k, v] of env) vars.set(k, v, { export: true });
    const shlvl = Number(vars.get('SHLVL') ?? '0') || 0;
    vars.set('SHLVL', String(shlvl + 1), { export: true });
    return new Shell({
      host: this.host,
      vars,
      arg0,
      ...(commandName === undefined ? {} : { commandName }),
      positional,
      cwd: this.cwd,
      fds,
      lineBase,
      options,
      dialect,
    });
  }

  /** `sh [-e] [-x] -c SCRIPT [NAME ARGS…]`, `sh FILE ARGS…` run from inside a shell. */
  *runShellArgv(
    argv: readonly string[],
    fds: Fds,
    env: ReadonlyArray<readonly [string, string]>,
  ): Gen<number> {
    const parsed = parseShellArgs(argv);
    const dialect = shellDialect(argv[0]!, this.host.shells) ?? this.dialect;
    if (parsed.kind === 'error') {
      fds.stderr.write(`${argv[0]}: ${parsed.message}\n`);
      return 2;
    }
    if (parsed.kind === 'stdin') {
      const text = fds.stdin.readAll();
      const child = this.childShell(argv[0]!, undefined, parsed.args, fds, env, 1, parsed.options, dialect);
      return yield* child.runMain(cachedParse(text));
    }
    if (parsed.kind === 'file') {
      const path = this.resolve(parsed.path);
      if (!this.host.fs.isFile(path)) {
        fds.stderr.write(`${argv[0]}: can't open '${parsed.path}': No such file or directory\n`);
        return 2;
      }
      const child = this.childShell(argv[0]!, parsed.path, parsed.args, fds, env, 1, parsed.options, dialect);
      return yield* child.runMain(cachedParse(this.host.fs.readFile(path)));
    }
    const child = this.childShell(
      parsed.arg0 ?? argv[0]!,
      parsed.arg0,
      parsed.args,
      fds,
      env,
      0,
      parsed.options,
      dialect,
    );
    return yield* child.runMain(cachedParse(parsed.script));
  }

  // ---- redirections ----

  *applyRedirects(redirs: readonly Redirect[], base: Fds): Gen<Fds> {
    let fds = base;
    for (const r of redirs) {
      switch (r.op) {
        case '>':
        case '>|':
        case '>>':
        case '&>': {
          const target = yield* expandString(this, r.target);
          const out = this.openOutput(target, r.op === '>>', fds);
          fds = fds.withOutput(r.fd, out);
          if (r.op === '&>') fds = fds.withOutput(2, out);
          break;
        }
        case '<':
        case '<>': {
          const target = yield* expandString(this, r.target);
          if (r.fd !== 0) break;
          fds = fds.withInput(this.openInput(target));
          break;
        }
        case '>&':
        case '<&': {
          const target = yield* expandString(this, r.target);
          if (target === '-') {
            fds = r.fd === 0 ? fds.withInput(EMPTY_INPUT) : fds.withOutput(r.fd, undefined);
          } else if (/^\d+$/.test(target)) {
            const n = Number(target);
            if (r.fd === 0) break;
            if (n === 0) throw new RedirectError(`${target}: Bad file descriptor`);
            const out = fds.outputs[n];
            if (!out && n > 2) throw new RedirectError(`${target}: Bad file descriptor`);
            fds = fds.withOutput(r.fd, out);
          } else if (r.op === '>&' && r.fd === 1) {
            const out = this.openOutput(target, false, fds);
            fds = fds.withOutput(1, out).withOutput(2, out);
          } else {
            throw new RedirectError(`${target}: Bad fd number`);
          }
          break;
        }
        case '<<': {
          const body = r.literalBody
            ? (r.target.literal ?? r.target.text)
            : yield* expandString(this, r.target);
          if (r.fd === 0) fds = fds.withInput(new StringInput(body));
          break;
        }
      }
    }
    return fds;
  }

  private openOutput(target: string, append: boolean, fds: Fds): Output {
    const path = this.resolve(target);
    switch (path) {
      case '/dev/null':
        return NULL_OUTPUT;
      case '/dev/stdout':
      case '/proc/self/fd/1':
      case '/dev/fd/1':
        return fds.outputs[1] ?? NULL_OUTPUT;
      case '/dev/stderr':
      case '/proc/self/fd/2':
      case '/dev/fd/2':
        return fds.outputs[2] ?? NULL_OUTPUT;
    }
    try {
      return new FileOutput(this.host.fs, this.host.fs.openForWrite(path, append));
    } catch (e) {
      if (e instanceof VfsError) {
        const why = e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 'nonexistent directory' : e.reason;
        throw new RedirectError(`can't create ${target}: ${why}`);
      }
      throw e;
    }
  }

  private openInput(target: string): Input {
    const path = this.resolve(target);
    if (path === '/dev/stdin' || path === '/proc/self/fd/0') return this.fds.stdin;
    try {
      return new StringInput(this.host.fs.readFile(path));
    } catch (e) {
      if (e instanceof VfsError) {
        const why = e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 'no such file' : e.reason;
        throw new RedirectError(`can't open ${target}: ${why}`);
      }
      throw e;
    }
  }

  // ---- used by builtins ----

  break(levels: number, kind: 'break' | 'continue'): void {
    if (this.loopDepth === 0) return;
    throw new BreakException(Math.min(levels, this.loopDepth), kind);
  }

  return(code: number): never {
    throw new ReturnException(code);
  }

  /** `exit [N]`: without N, the status of the last command (or, in a trap, from before the trap). */
  exit(code?: number): never {
    throw new ExitException(code ?? this.trapSavedStatus ?? this.status);
  }

  /** `exec` with only redirections: they stay for the rest of the shell. */
  keepRedirections(): void {
    this.keepFds = true;
  }

  expandArgs(words: readonly Word[]): Gen<string[]> {
    return expandAll(this, words);
  }

  expandWord(word: Word): Gen<string[]> {
    return expandFields(this, word);
  }
}

export type Builtin = (shell: Shell, argv: readonly string[]) => number | Gen<number>;

const NO_ASSIGNMENTS: ReadonlyArray<readonly [string, string]> = [];
const literalArgvs = new WeakMap<SimpleCommand, readonly string[] | null>();

/** A command whose words are all literal has the same argv every time: computed once. */
function literalArgv(cmd: SimpleCommand): readonly string[] | undefined {
  let argv = literalArgvs.get(cmd);
  if (argv === undefined) {
    argv = cmd.words.every((w) => w.literal !== undefined)
      ? Object.freeze(cmd.words.map((w) => w.literal!))
      : null;
    literalArgvs.set(cmd, argv);
  }
  return argv ?? undefined;
}

/**
 * One applet invocation: its context and its view of the system in one object, with methods
 * on the prototype and the environment computed only when the applet reads it (a `sleep` in a
 * loop then costs no allocation beyond this object).
 */
class AppletCall implements AppletContext, SystemApi {
  private envCache: ReadonlyArray<readonly [string, string]> | undefined;

  constructor(
    private readonly owner: Shell,
    readonly name: string,
    readonly errName: string,
    readonly argv: readonly string[],
    readonly fds: Fds,
    readonly pid: number,
    env: ReadonlyArray<readonly [string, string]> | undefined,
    private readonly assigned: ReadonlyArray<readonly [string, string]>,
  ) {
    this.envCache = env;
  }

  get env(): ReadonlyArray<readonly [string, string]> {
    this.envCache ??= this.owner.environFor(this.assigned);
    return this.envCache;
  }

  get sys(): SystemApi {
    return this;
  }

  get fs(): Vfs {
    return this.owner.host.fs;
  }

  get cwd(): string {
    return this.owner.cwd;
  }

  resolve(path: string): string {
    return normalizePath(path, this.owner.cwd);
  }

  get now(): number {
    return this.owner.host.now();
  }

  get epochMs(): number {
    return this.owner.host.epochMs;
  }

  get hostname(): string {
    return this.owner.host.hostname;
  }

  processes(): readonly ProcessInfo[] {
    return this.owner.host.processes();
  }

  kill(pid: number, signo: number): boolean {
    return this.owner.host.kill(pid, signo, this.pid);
  }

  run(argv: readonly string[], fds: Fds, env?: ReadonlyArray<readonly [string, string]>): Gen<number> {
    return this.owner.runExternal(argv, fds ?? this.fds, env ?? this.env);
  }

  shell(argv: readonly string[], fds: Fds, env: ReadonlyArray<readonly [string, string]>): Gen<number> {
    return this.owner.runShellArgv(argv, fds, env);
  }

  unsupported(name: string): void {
    this.owner.host.unsupported(name);
  }
}

function quoteForTrace(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'"'"'`)}'`;
}

export type ShellArgs =
  | {
      kind: 'command';
      script: string;
      arg0?: string;
      args: string[];
      options: Partial<ShellOptionFlags>;
    }
  | { kind: 'file'; path: string; args: string[]; options: Partial<ShellOptionFlags> }
  | { kind: 'stdin'; args: string[]; options: Partial<ShellOptionFlags> }
  | { kind: 'error'; message: string };

/**
 * ash's command line (`procargs`/`options`): `-c` takes the first operand as the script, the
 * next as $0 and the rest as $1…; option letters combine (`-ec`, `-xc`); `-o errexit` works too.
 */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const options: Partial<ShellOptionFlags> = {};
  let c = false;
  let s = false;
  let i = 1;
  const letters: Record<string, keyof ShellOptionFlags> = {
    e: 'errexit',
    x: 'xtrace',
    u: 'nounset',
    f: 'noglob',
    a: 'allexport',
  };
  const names: Record<string, keyof ShellOptionFlags> = {
    errexit: 'errexit',
    xtrace: 'xtrace',
    nounset: 'nounset',
    noglob: 'noglob',
    allexport: 'allexport',
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break;
    const on = a[0] === '-';
    for (const ch of a.slice(1)) {
      if (ch === 'c') c = true;
      else if (ch === 's') s = true;
      else if (
        ch === 'i' ||
        ch === 'l' ||
        ch === 'm' ||
        ch === 'v' ||
        ch === 'n' ||
        ch === 'C' ||
        ch === 'b' ||
        ch === 'E'
      )
        continue;
      else if (ch === 'o') {
        const name = argv[++i];
        if (name === undefined) break;
        const key = names[name];
        if (key) options[key] = on;
        else if (name !== 'pipefail' && name !== 'vi' && name !== 'emacs')
          return { kind: 'error', message: `illegal option -o ${name}` };
      } else if (letters[ch]) options[letters[ch]] = on;
      else return { kind: 'error', message: `-${ch}: invalid option` };
    }
  }
  const rest = argv.slice(i);
  if (c) {
    if (rest.length === 0) return { kind: 'error', message: '-c requires an argument' };
    const [script, arg0, ...args] = rest;
    return arg0 === undefined
      ? { kind: 'command', script: script!, args, options }
      : { kind: 'command', script: script!, arg0, args, options };
  }
  if (rest.length === 0 || s) return { kind: 'stdin', args: rest, options };
  return { kind: 'file', path: rest[0]!, args: rest.slice(1), options };
}
