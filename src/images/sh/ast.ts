/**
 * The parsed form of a script. A script is parsed once (parser.ts) and the tree is executed as
 * often as needed (a `while` body runs from the same nodes every iteration), so nothing here is
 * mutated after parsing.
 */

/** One piece of a word before expansion. `quoted` parts are neither field-split nor globbed. */
export type WordPart =
  | { readonly t: 'lit'; readonly v: string; readonly quoted: boolean }
  | { readonly t: 'param'; readonly p: ParamExpansion; readonly quoted: boolean }
  | { readonly t: 'cmdsub'; readonly body: Command | undefined; readonly quoted: boolean }
  | { readonly t: 'arith'; readonly expr: Word; readonly quoted: boolean }
  /** `~` or `~user` at the start of a word. */
  | { readonly t: 'tilde'; readonly user: string };

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word's value when it has no expansions and no glob characters (the fast path). */
  readonly literal?: string;
  /** The source text, for `set -x`, messages and keyword checks. */
  readonly text: string;
}

/** `${name…}` and `$name`. */
export interface ParamExpansion {
  readonly name: string;
  /**
   * `-` `=` `?` `+` (with `colon` for `:-` …), `#` `##` `%` `%%` (pattern trims), `len` (`${#x}`),
   * `/` `//` (replace), `substr` (`${x:1:2}`), or none.
   */
  readonly op?: '-' | '=' | '?' | '+' | '#' | '##' | '%' | '%%' | 'len' | '/' | '//' | 'substr';
  readonly colon?: boolean;
  readonly arg?: Word;
  /** The replacement of `${x/pat/rep}` and the length of `${x:off:len}`. */
  readonly arg2?: Word;
}

export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '<<' | '&>';

export interface Redirect {
  /** The file descriptor redirected (`2>`); defaults by operator (0 for `<`, 1 for `>`). */
  readonly fd: number;
  readonly op: RedirOp;
  /** The file name, the fd to duplicate (`2>&1`), or a here-document body. */
  readonly target: Word;
  /** Here-documents: the body is taken literally (quoted delimiter). */
  readonly literalBody?: boolean;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirs: readonly Redirect[];
  /** Line of the command (0-based as ash counts `sh -c` lines). */
  readonly line: number;
}

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly commands: readonly Command[];
  readonly negate: boolean;
}

export interface AndOr {
  readonly kind: 'andor';
  readonly first: Command;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly command: Command }>;
}

export interface List {
  readonly kind: 'list';
  readonly items: ReadonlyArray<{ readonly command: Command; readonly background: boolean }>;
}

export interface If {
  readonly kind: 'if';
  readonly clauses: ReadonlyArray<{ readonly cond: Command; readonly body: Command }>;
  readonly otherwise?: Command;
}

export interface Loop {
  readonly kind: 'loop';
  readonly until: boolean;
  readonly cond: Command;
  readonly body: Command;
}

export interface For {
  readonly kind: 'for';
  readonly name: string;
  /** Absent: `for x; do` iterates over "$@". */
  readonly items?: readonly Word[];
  readonly body: Command;
  readonly line: number;
}

export interface Case {
  readonly kind: 'case';
  readonly word: Word;
  readonly arms: ReadonlyArray<{ readonly patterns: readonly Word[]; readonly body?: Command }>;
}

/** `{ …; }` */
export interface Group {
  readonly kind: 'group';
  readonly body: Command;
}

/** `( … )` */
export interface Subshell {
  readonly kind: 'subshell';
  readonly body: Command;
}

/** A compound command with redirections: `while …; done > /tmp/log`. */
export interface Redirected {
  readonly kind: 'redirected';
  readonly body: Command;
  readonly redirs: readonly Redirect[];
}

export interface FunctionDef {
  readonly kind: 'function';
  readonly name: string;
  readonly body: Command;
}

/** `[[ … ]]`: its words are kept apart from the normal grammar (`&&` inside is an operator of the test). */
export interface DoubleBracket {
  readonly kind: 'dbracket';
  readonly words: readonly Word[];
  readonly line: number;
}

export type Command =
  | SimpleCommand
  | Pipeline
  | AndOr
  | List
  | If
  | Loop
  | For
  | Case
  | Group
  | Subshell
  | Redirected
  | FunctionDef
  | DoubleBracket;

/**
 * A whole script. ash parses and runs `sh -c` text one top-level line at a time, so a syntax
 * error on line 3 is reported only after lines 1 and 2 have run: `chunks` are those lines, and
 * `error` is the syntax error that stops the script after them.
 */
export interface Script {
  readonly chunks: readonly Command[];
  readonly error?: string;
  /** The line the syntax error was found on (ash's `errlinno`). */
  readonly errorLine?: number;
}
