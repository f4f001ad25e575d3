/**
 * Which shell an image's `sh` (or `bash`) is, for the words of its errors. kubesim runs one
 * POSIX-sh interpreter (busybox ash's subset) for all of them; only the messages about a command
 * that cannot run differ:
 * - ash (busybox, alpine): `sh: foo: not found`
 * - dash (Debian's and Ubuntu's /bin/sh): `sh: 1: foo: not found`
 * - bash 5.1 and later (`bash`, /bin/sh on Fedora): `bash: line 1: foo: command not found`
 * - bash 4 (CentOS 7 and 8): the same, without the line number for a `-c` string
 * Everything else (syntax errors, `cd`) keeps ash's words.
 */
export type ShellDialect = 'ash' | 'dash' | 'bash' | 'bash4';

/** The shells of an image by program name (`sh`, `bash`), and the dialect of each. */
export type ShellTable = Readonly<Record<string, ShellDialect>>;

/** busybox and alpine: sh and ash are busybox's ash. */
export const ASH_SHELLS: ShellTable = Object.freeze({ sh: 'ash', ash: 'ash' });

/** Directories a shell program may be named by (`/bin/bash`, `/usr/local/bin/bash`). */
const SHELL_DIRS = new Set(['', '/bin', '/usr/bin', '/usr/local/bin']);

/** The dialect of `program` (`sh`, `/bin/bash`) when it is one of the image's shells. */
export function shellDialect(program: string, shells: ShellTable): ShellDialect | undefined {
  const slash = program.lastIndexOf('/');
  if (!SHELL_DIRS.has(program.slice(0, Math.max(slash, 0)))) return undefined;
  const name = program.slice(slash + 1);
  return Object.hasOwn(shells, name) ? shells[name] : undefined;
}

/**
 * The message for a command that cannot run: `problem` is `not found` or `Permission denied`.
 * `arg0` is the shell's $0, `line` the line number counted from 1; `commandString`: the shell
 * runs a `-c` string (bash 4 numbers only the lines of scripts).
 */
export function commandError(
  dialect: ShellDialect,
  arg0: string,
  line: number,
  name: string,
  problem: 'not found' | 'Permission denied' | 'applet not simulated by kubesim',
  commandString = false,
): string {
  switch (dialect) {
    case 'ash':
      return `${arg0}: ${name}: ${problem}`;
    case 'dash':
      return `${arg0}: ${line}: ${name}: ${problem}`;
    case 'bash':
    case 'bash4': {
      // bash: `command not found` for a name, `No such file or directory` for a path.
      const text =
        problem !== 'not found'
          ? problem
          : name.includes('/')
            ? 'No such file or directory'
            : 'command not found';
      const where = dialect === 'bash4' && commandString ? '' : `line ${line}: `;
      return `${arg0}: ${where}${name}: ${text}`;
    }
  }
}
