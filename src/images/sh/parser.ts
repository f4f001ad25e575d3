import type { Assignment, Command, Redirect, Script, SimpleCommand, Word, WordPart } from './ast.js';
import {
  EMPTY_WORD,
  Lexer,
  literalWord,
  makeWord,
  type PendingHeredoc,
  ShSyntaxError,
  type Token,
} from './lexer.js';

/**
 * The parser: a port of ash's recursive descent (`list`, `andor`, `pipeline`, `command`,
 * `simplecmd` in busybox shell/ash.c), including its keyword rules (`checkkwd`) and its error
 * messages, which name the token that stopped the parse and, where the grammar owed one, the
 * token it expected: `syntax error: unexpected "fi"`, `syntax error: unexpected end of file
 * (expecting "done")`, `syntax error: unexpected newline`.
 */

export { ShSyntaxError } from './lexer.js';

type Kind =
  | 'eof'
  | 'nl'
  | 'redir'
  | 'word'
  | ';'
  | '&'
  | '&&'
  | '||'
  | '|'
  | '('
  | ')'
  | ';;'
  | '!'
  | 'case'
  | 'do'
  | 'done'
  | 'elif'
  | 'else'
  | 'esac'
  | 'fi'
  | 'for'
  | 'function'
  | 'if'
  | 'in'
  | 'then'
  | 'until'
  | 'while'
  | '{'
  | '}';

const KEYWORDS: ReadonlySet<string> = new Set([
  '!',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'then',
  'until',
  'while',
  '{',
  '}',
]);
/** Tokens that end a list (ash's `tokendlist`). */
const END_OF_LIST: ReadonlySet<Kind> = new Set([
  'eof',
  ')',
  ';;',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'then',
  '}',
]);
/** Special builtins cannot be function names (ash: "bad function name"). */
const SPECIAL_BUILTINS = new Set([
  '.',
  ':',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'local',
  'readonly',
  'return',
  'set',
  'shift',
  'source',
  'times',
  'trap',
  'unset',
]);

const CHKKWD = 1;
const CHKNL = 2;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function tokname(kind: Kind): string {
  switch (kind) {
    case 'eof':
      return 'end of file';
    case 'nl':
      return 'newline';
    case 'redir':
      return 'redirection';
    case 'word':
      return 'word';
    default:
      return `"${kind}"`;
  }
}

function kindOf(tok: Token): Kind {
  switch (tok.type) {
    case 'op':
      return tok.op;
    default:
      return tok.type;
  }
}

type Items = Array<{ command: Command; background: boolean }>;

class Parser {
  readonly lex: Lexer;
  private pushback = false;
  private last: Kind = 'eof';
  private lastTok: Token = { type: 'eof' };
  private lastLine = 0;
  private checkkwd = 0;
  /** Set when a top-level `list(1)` found nothing but the end of the input. */
  atEof = false;

  constructor(src: string, pos = 0, line = 0) {
    this.lex = new Lexer(src, subparse, pos, line);
  }

  // ---- tokens ----

  private readToken(): Kind {
    const kwd = this.checkkwd;
    let t: Kind;
    if (this.pushback) {
      this.pushback = false;
      t = this.last;
    } else {
      t = this.fetch();
    }
    if (kwd & CHKNL) while (t === 'nl') t = this.fetch();
    if (t === 'word' && kwd & CHKKWD) {
      const tok = this.lastTok as Extract<Token, { type: 'word' }>;
      if (!tok.quoted && KEYWORDS.has(tok.word.text)) t = tok.word.text as Kind;
    }
    this.last = t;
    this.checkkwd = 0;
    return t;
  }

  private fetch(): Kind {
    this.lastTok = this.lex.next();
    this.lastLine = this.lastTok.type === 'word' ? this.lastTok.line : this.lex.line;
    return kindOf(this.lastTok);
  }

  private peekToken(): Kind {
    const t = this.readToken();
    this.pushback = true;
    return t;
  }

  private unexpected(expecting?: Kind): ShSyntaxError {
    const msg = `unexpected ${tokname(this.last)}`;
    return new ShSyntaxError(expecting ? `${msg} (expecting ${tokname(expecting)})` : msg);
  }

  private lastWord(): Extract<Token, { type: 'word' }> {
    return this.lastTok as Extract<Token, { type: 'word' }>;
  }

  // ---- grammar ----

  /** ash `list(nlflag)`: 1 = top level (stops at a newline), 2 = may be empty (case arms, `$()`). */
  list(nlflag: number): Command | undefined {
    const items: Items = [];
    for (;;) {
      const t = this.readToken();
      if (t === 'nl' && nlflag & 1) return toList(items);
      if (t === 'eof') {
        if (items.length === 0 && nlflag & 1) this.atEof = true;
        this.pushback = true;
        this.last = 'eof';
        return toList(items);
      }
      this.pushback = true;
      this.checkkwd = CHKNL | CHKKWD;
      if (nlflag === 2 && END_OF_LIST.has(this.peekToken())) return toList(items);
      nlflag |= 2;
      const command = this.andor();
      const tok = this.readToken();
      items.push({ command, background: tok === '&' });
      switch (tok) {
        case 'nl':
        case 'eof':
          this.pushback = true;
          break;
        case '&':
        case ';':
          break;
        default:
          if (nlflag & 1) throw this.unexpected();
          this.pushback = true;
          return toList(items);
      }
    }
  }

  private andor(): Command {
    const first = this.pipeline();
    const rest: Array<{ op: '&&' | '||'; command: Command }> = [];
    for (;;) {
      const t = this.readToken();
      if (t !== '&&' && t !== '||') {
        this.pushback = true;
        break;
      }
      this.checkkwd = CHKNL | CHKKWD;
      rest.push({ op: t, command: this.pipeline() });
    }
    return rest.length === 0 ? first : { kind: 'andor', first, rest };
  }

  private pipeline(): Command {
    let negate = false;
    if (this.readToken() === '!') {
      negate = true;
      this.checkkwd = CHKKWD;
    } else {
      this.pushback = true;
    }
    const commands = [this.command()];
    while (this.readToken() === '|') {
      this.checkkwd = CHKNL | CHKKWD;
      commands.push(this.command());
    }
    this.pushback = true;
    if (commands.length === 1 && !negate) return commands[0]!;
    return { kind: 'pipeline', commands, negate };
  }

  private command(): Command {
    let node: Command;
    let close: Kind | undefined;
    const line = this.lastLine;
    switch (this.readToken()) {
      case 'if': {
        const clauses: Array<{ cond: Command; body: Command }> = [];
        const cond = this.list(0);
        if (this.readToken() !== 'then') throw this.unexpected('then');
        clauses.push({ cond: cond!, body: this.list(0)! });
        while (this.readToken() === 'elif') {
          const c = this.list(0);
          if (this.readToken() !== 'then') throw this.unexpected('then');
          clauses.push({ cond: c!, body: this.list(0)! });
        }
        let otherwise: Command | undefined;
        if (this.last === 'else') otherwise = this.list(0);
        else this.pushback = true;
        node = otherwise ? { kind: 'if', clauses, otherwise } : { kind: 'if', clauses };
        close = 'fi';
        break;
      }
      case 'while':
      case 'until': {
        const until = this.last === 'until';
        const cond = this.list(0);
        if (this.readToken() !== 'do') throw this.unexpected('do');
        node = { kind: 'loop', until, cond: cond!, body: this.list(0)! };
        close = 'done';
        break;
      }
      case 'for': {
        if (this.readToken() !== 'word' || this.lastWord().quoted || !NAME.test(this.lastWord().word.text)) {
          throw new ShSyntaxError('bad for loop variable');
        }
        const name = this.lastWord().word.text;
        this.checkkwd = CHKNL | CHKKWD;
        let items: Word[] | undefined;
        if (this.readToken() === 'in') {
          items = [];
          while (this.readToken() === 'word') items.push(this.lastWord().word);
          if (this.last !== 'nl' && this.last !== ';') throw this.unexpected();
        } else if (this.last !== ';') {
          this.pushback = true;
        }
        this.checkkwd = CHKNL | CHKKWD;
        if (this.readToken() !== 'do') throw this.unexpected('do');
        const body = this.list(0)!;
        node = items ? { kind: 'for', name, items, body, line } : { kind: 'for', name, body, line };
        close = 'done';
        break;
      }
      case 'case':
        node = this.caseCommand();
        break;
      case '(':
        node = { kind: 'subshell', body: this.list(0)! };
        close = ')';
        break;
      case '{':
        node = { kind: 'group', body: this.list(0)! };
        close = '}';
        break;
      case 'function':
      case 'word':
      case 'redir':
        this.pushback = true;
        return this.simpleCommand();
      default:
        throw this.unexpected();
    }
    if (close !== undefined && this.readToken() !== close) throw this.unexpected(close);
    this.checkkwd = CHKKWD;
    const redirs: Redirect[] = [];
    while (this.readToken() === 'redir') redirs.push(this.redirect());
    this.pushback = true;
    return redirs.length > 0 ? { kind: 'redirected', body: node, redirs } : node;
  }

  private caseCommand(): Command {
    if (this.readToken() !== 'word') throw this.unexpected('word');
    const word = this.lastWord().word;
    this.checkkwd = CHKNL | CHKKWD;
    if (this.readToken() !== 'in') throw this.unexpected('in');
    const arms: Array<{ patterns: Word[]; body?: Command }> = [];
    this.checkkwd = CHKNL | CHKKWD;
    let t = this.readToken();
    while (t !== 'esac') {
      if (this.last === '(') this.readToken();
      const patterns: Word[] = [];
      for (;;) {
        if (this.lastTok.type !== 'word') throw this.unexpected();
        patterns.push(this.lastWord().word);
        if (this.readToken() !== '|') break;
        this.readToken();
      }
      if (this.last !== ')') throw this.unexpected(')');
      const body = this.list(2);
      arms.push(body ? { patterns, body } : { patterns });
      this.checkkwd = CHKNL | CHKKWD;
      t = this.readToken();
      if (t !== 'esac') {
        if (t !== ';;') throw this.unexpected(';;');
        this.checkkwd = CHKNL | CHKKWD;
        t = this.readToken();
      }
    }
    return { kind: 'case', word, arms };
  }

  private simpleCommand(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    let assignmentsAllowed = true;
    let doubleBrackets = false;
    let functionKeyword = false;
    let line = -1;
    for (;;) {
      const t = this.readToken();
      if (line < 0) line = this.lastLine;
      if (t === 'function') {
        if (this.peekToken() !== 'word') throw this.unexpected('word');
        functionKeyword = true;
        continue;
      }
      if ((t === '&&' || t === '||') && doubleBrackets) {
        words.push(literalWord(t));
        continue;
      }
      if (t === 'word') {
        const tok = this.lastWord();
        if (tok.word.text === '[[') doubleBrackets = true;
        else if (tok.word.text === ']]') doubleBrackets = false;
        const assignment = assignmentsAllowed ? asAssignment(tok.word) : undefined;
        if (assignment) {
          assigns.push(assignment);
        } else {
          words.push(tok.word);
          assignmentsAllowed = false;
        }
        if (functionKeyword) {
          this.checkkwd = CHKNL | CHKKWD;
          const next = this.peekToken();
          if (next === '(') {
            functionKeyword = false;
            continue;
          }
          if (
            next === '{' ||
            next === 'if' ||
            next === 'case' ||
            next === 'until' ||
            next === 'while' ||
            next === 'for'
          ) {
            return this.functionBody(words[0]!.text);
          }
          this.readToken();
          throw this.unexpected();
        }
        continue;
      }
      if (t === 'redir') {
        redirs.push(this.redirect());
        continue;
      }
      if (t === '(' && words.length === 1 && assigns.length === 0 && redirs.length === 0) {
        if (this.readToken() !== ')') throw this.unexpected(')');
        return this.functionBody(words[0]!.text);
      }
      this.pushback = true;
      break;
    }
    const cmd: SimpleCommand = { kind: 'simple', assigns, words, redirs, line: Math.max(line, 0) };
    return cmd;
  }

  private functionBody(name: string): Command {
    if (!NAME.test(name) || SPECIAL_BUILTINS.has(name)) throw new ShSyntaxError('bad function name');
    this.checkkwd = CHKNL | CHKKWD;
    return { kind: 'function', name, body: this.command() };
  }

  /** ash `parsefname`: the word after a redirection operator. */
  private redirect(): Redirect {
    const op = this.lastTok as Extract<Token, { type: 'redir' }>;
    if (this.readToken() !== 'word') throw this.unexpected();
    const target = this.lastWord();
    if (op.op !== '<<') return { fd: op.fd, op: op.op, target: target.word };
    const pending: PendingHeredoc = {
      delimiter: unquotedText(target.word),
      strip: op.strip,
      literal: target.quoted,
      body: EMPTY_WORD,
    };
    this.lex.heredocs.push(pending);
    return {
      fd: op.fd,
      op: '<<',
      get target() {
        return pending.body;
      },
      literalBody: target.quoted,
    };
  }

  /** `$( … )`: a possibly empty list closed by `)`. */
  substitution(): Command | undefined {
    const body = this.list(2);
    if (this.readToken() !== ')') throw this.unexpected(')');
    return body;
  }
}

function toList(items: Items): Command | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1 && !items[0]!.background) return items[0]!.command;
  return { kind: 'list', items };
}

/** `NAME=value` as the first words of a simple command. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.t !== 'lit' || first.quoted) return undefined;
  const eq = first.v.indexOf('=');
  if (eq <= 0 || !NAME.test(first.v.slice(0, eq))) return undefined;
  const rest: WordPart[] = [];
  const after = first.v.slice(eq + 1);
  if (after) rest.push({ t: 'lit', v: after, quoted: false });
  rest.push(...word.parts.slice(1));
  const text = word.text.slice(word.text.indexOf('=') + 1);
  const value = rest.length === 0 ? makeWord([{ t: 'lit', v: '', quoted: true }], '') : makeWord(rest, text);
  return { name: first.v.slice(0, eq), value };
}

/** A here-document delimiter: the word with its quotes removed, never expanded. */
function unquotedText(word: Word): string {
  return (
    word.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? `~${p.user}` : '')).join('') || word.text
  );
}

function subparse(
  src: string,
  pos: number,
  line: number,
): { body: Command | undefined; end: number; line: number } {
  const p = new Parser(src, pos, line);
  const body = p.substitution();
  return { body, end: p.lex.pos, line: p.lex.line };
}

/**
 * Parses a whole script the way ash runs `sh -c`: line by line. Never throws for bad syntax:
 * the lines before the error are kept and `error` holds the message (without the `sh: ` prefix).
 */
export function parseScript(src: string): Script {
  const parser = new Parser(src);
  const chunks: Command[] = [];
  try {
    for (;;) {
      const chunk = parser.list(1);
      if (parser.atEof) break;
      if (chunk) chunks.push(chunk);
    }
    return { chunks };
  } catch (e) {
    if (e instanceof ShSyntaxError) return { chunks, error: e.message, errorLine: parser.lex.line };
    throw e;
  }
}

/** Parses a script as a single command tree; throws ShSyntaxError. For `eval`, traps and tests. */
export function parse(src: string): Command | undefined {
  const script = parseScript(src);
  if (script.error) throw new ShSyntaxError(script.error.replace(/^syntax error: /, ''));
  if (script.chunks.length <= 1) return script.chunks[0];
  return { kind: 'list', items: script.chunks.map((command) => ({ command, background: false })) };
}
