import type { ProgramName } from './behaviour.js';
import type { ExecResult, Program, ProgramHost } from './process.js';

/**
 * Program drivers by name. `shell` runs a busybox/alpine container's command.
 *
 * PLACEHOLDER until the POSIX-sh interpreter lands: `shell` runs a flat sequence of commands
 * separated by `;`, `&&` or new lines: `sleep N` (seconds, or `infinity`), `touch F`,
 * `rm [-f|-rf] F`, `echo … > F`/`>> F`, `mkdir …`, `exit N`, `true`, `false`; anything else
 * succeeds at once, and a `while` loop runs until the container is killed. Files live in a
 * per-process set, so exec probes can ask `cat F`, `test -e F`, `[ -f F ]` or `ls F`. No command at
 * all is busybox's default `sh` with no terminal: it exits 0 at once. As PID 1 without a `trap`,
 * the shell ignores SIGTERM. The interpreter replaces `shellPlaceholder` through
 * `registerProgram('shell', …)`, keeping this contract.
 */
const programs = new Map<ProgramName, () => Program>();

export function registerProgram(name: ProgramName, factory: () => Program): void {
  programs.set(name, factory);
}

export function programFor(name: ProgramName): Program {
  const factory = programs.get(name);
  if (!factory) throw new Error(`no program driver registered for ${name}`);
  return factory();
}

/** The script a busybox-style container runs: `sh -c SCRIPT`, or its command words. */
export function scriptOf(command: readonly string[] = [], args: readonly string[] = []): string | undefined {
  const words = [...command, ...args];
  if (words.length === 0) return undefined;
  const shell = /(^|\/)(ba)?sh$/.test(words[0]!);
  if (shell && words[1] === '-c') return words.slice(2).join(' ');
  if (shell && words.length === 1) return undefined;
  return words.join(' ');
}

function words(command: string): string[] {
  return command
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^['"]|['"]$/g, ''));
}

function shellPlaceholder(): Program {
  const files = new Set<string>();

  /** Runs one simple command that takes no time; returns its exit code. */
  const instant = (command: string): number => {
    const redirect = /^(.*?)\s*>>?\s*(\S+)\s*$/.exec(command);
    if (redirect && words(redirect[1]!)[0] === 'echo') {
      files.add(redirect[2]!.replace(/^['"]|['"]$/g, ''));
      return 0;
    }
    const [cmd, ...rest] = words(command);
    const operands = rest.filter((w) => !w.startsWith('-'));
    switch (cmd) {
      case 'touch':
        for (const f of operands) files.add(f);
        return 0;
      case 'rm':
        for (const f of operands) files.delete(f);
        return operands.every((f) => !files.has(f)) || rest.some((w) => w.includes('f')) ? 0 : 1;
      case 'false':
        return 1;
      default:
        return 0;
    }
  };

  return {
    start(host: ProgramHost): void {
      const script = scriptOf(host.invocation.command, host.invocation.args);
      if (script === undefined) {
        host.setTimeout(() => host.exit(0), 0);
        return;
      }
      if (/\bwhile\b/.test(script)) return; // a loop: runs until killed
      const steps = script
        .split(/;|&&|\|\||\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      let code = 0;
      // Steps up to the first wait run as part of starting; each `sleep` resumes on the clock.
      const run = (from: number): void => {
        for (let i = from; i < steps.length; i++) {
          const [cmd, arg] = words(steps[i]!);
          if (cmd === 'sleep') {
            if (arg === 'infinity') return;
            const ms = Number.parseFloat(arg ?? '0') * 1000 || 0;
            code = 0;
            host.setTimeout(() => run(i + 1), ms);
            return;
          }
          if (cmd === 'exit') {
            host.exit(Number.parseInt(arg ?? '0', 10) || 0);
            return;
          }
          code = instant(steps[i]!);
        }
        host.exit(code);
      };
      run(0);
    },

    exec(command: readonly string[]): ExecResult {
      const script = scriptOf(command) ?? '';
      const [cmd, ...rest] = words(script);
      const operands = rest.filter((w) => !w.startsWith('-') && w !== ']');
      const file = operands[0] ?? '';
      switch (cmd) {
        case 'cat':
          return files.has(file)
            ? { exitCode: 0, output: '' }
            : { exitCode: 1, output: `cat: can't open '${file}': No such file or directory\n` };
        case 'ls':
          return files.has(file)
            ? { exitCode: 0, output: `${file}\n` }
            : { exitCode: 1, output: `ls: ${file}: No such file or directory\n` };
        case 'test':
        case '[':
          return { exitCode: files.has(file) ? 0 : 1, output: '' };
        default:
          return { exitCode: instant(script), output: '' };
      }
    },
  };
}

registerProgram('shell', shellPlaceholder);
