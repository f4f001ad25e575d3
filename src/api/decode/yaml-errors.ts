/**
 * Turns the `yaml` package's syntax errors into the message go-yaml v2 gives for the same input
 * (sigs.k8s.io/yaml uses go-yaml v2 under kubectl), e.g.
 * `yaml: line 5: mapping values are not allowed in this context`.
 *
 * go-yaml's line rule (yaml.v2 decode.go parser.fail): the problem mark is 0-based; scanner
 * errors add 1 to it, parser errors do not, so a parser error ("did not find expected key")
 * names the line *before* the offending token. A mark on the first line prints no line at all.
 * Lines count from the start of the document (kubectl parses each document on its own).
 *
 * The two parsers do not fail at the same place, so each case below finds go-yaml's mark from
 * the text around the `yaml` package's error. The mapping was checked against go-yaml v2.4.0
 * on the cases in yaml-errors.test.ts; rarer malformations get go-yaml's wording with a
 * best-effort line.
 */
import type { YAMLError } from 'yaml';

type Style = 'scanner' | 'parser';

interface GoYamlProblem {
  readonly style: Style;
  readonly message: string;
  /** 0-based line of go-yaml's problem mark. */
  readonly mark: number;
}

/** The text's lines as offsets: lineStarts[i] is where 0-based line i begins. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 0-based line of go-yaml's end-of-stream mark: the empty line after the final "\n". */
function eofLine(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** Offset of the next token at or after `offset`: skips spaces, line breaks and comments. */
function nextToken(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else return i;
  }
  return text.length;
}

/** Offset of the first `:` at or after `offset` that is a mapping indicator (followed by a space or a line end). */
function nextMappingColon(text: string, offset: number): number | undefined {
  let quote: string | undefined;
  for (let i = offset; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === offset || /[\s[{,]/.test(text[i - 1]!))) quote = ch;
    else if (ch === '#' && i > 0 && /\s/.test(text[i - 1]!)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ':' && (i + 1 >= text.length || /[\s]/.test(text[i + 1]!))) return i;
  }
  return undefined;
}

function classify(text: string, err: YAMLError): GoYamlProblem {
  const starts = lineStarts(text);
  const at = err.pos[0];
  const tokenLine = () => {
    const t = nextToken(text, at);
    return t >= text.length ? eofLine(text) : lineAt(starts, t);
  };
  const parser = (message: string): GoYamlProblem => ({ style: 'parser', message, mark: tokenLine() });
  const scanner = (message: string, mark: number): GoYamlProblem => ({ style: 'scanner', message, mark });

  switch (err.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token', lineAt(starts, at));
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (err.message.startsWith('A block sequence')) return parser('did not find expected key');
      return mappingValues();
    case 'MULTILINE_IMPLICIT_KEY':
      return mappingValues();
    case 'BAD_INDENT':
      if (err.message.startsWith('Flow map')) return parser("did not find expected ',' or '}'");
      if (err.message.startsWith('Flow sequence')) return parser("did not find expected ',' or ']'");
      return parser('did not find expected key');
    case 'MISSING_CHAR':
      if (err.message.startsWith('Missing closing')) {
        return scanner('found unexpected end of stream', eofLine(text));
      }
      if (err.message.startsWith('Implicit map keys need to be followed by map values')) {
        // go-yaml notices the key lacks its ':' when the next token starts (or the stream ends).
        const lineEnd = text.indexOf('\n', at);
        const t = nextToken(text, lineEnd < 0 ? text.length : lineEnd);
        return scanner("could not find expected ':'", t >= text.length ? eofLine(text) : lineAt(starts, t));
      }
      if (/flow sequence/i.test(err.message)) return parser("did not find expected ',' or ']'");
      if (/flow map/i.test(err.message)) return parser("did not find expected ',' or '}'");
      return parser('did not find expected key');
    case 'BLOCK_IN_FLOW':
      return parser("did not find expected ',' or ']'");
    default:
      return parser('did not find expected key');
  }

  function mappingValues(): GoYamlProblem {
    if (text[at] === '?') return scanner('mapping keys are not allowed in this context', lineAt(starts, at));
    const colon = nextMappingColon(text, at);
    return scanner(
      'mapping values are not allowed in this context',
      lineAt(starts, colon === undefined ? at : colon),
    );
  }
}

/** Renders a go-yaml problem as yaml.v2's parser.fail does. */
export function goYamlMessage(problem: GoYamlProblem): string {
  const line = problem.style === 'scanner' ? problem.mark + 1 : problem.mark;
  return problem.mark !== 0 ? `yaml: line ${line}: ${problem.message}` : `yaml: ${problem.message}`;
}

/** go-yaml's message for the first syntax error the `yaml` package found in one document. */
export function goYamlError(text: string, err: YAMLError): string {
  return goYamlMessage(classify(text, err));
}
