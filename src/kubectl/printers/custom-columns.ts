/**
 * `-o custom-columns=HEADER:PATH,…` and `-o custom-columns-file=FILE` (k8s.io/kubectl/pkg/cmd/get
 * customcolumn.go and customcolumn_flags.go, v1.33): one column per HEADER:PATH pair, each PATH a
 * relaxed JSONPath (`.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`), evaluated with
 * missing keys allowed. A cell joins its values with `,` as Go's fmt prints them (`map[k:v]`,
 * `[a b]`), or says `<none>`. The header comes first (unless --no-headers, which a columns file
 * ignores), and the whole output goes through cli-runtime's tab writer.
 */
import { CliError } from '../errors.js';
import { goSprint } from './go-sprint.js';
import { GoTabWriter } from './go-tabwriter.js';
import { findResults, JsonPathError, parseTemplate } from './jsonpath.js';

export interface Column {
  /** The header to print above the column. */
  readonly header: string;
  /** The JSONPath, always in the `{.a.b}` form. */
  readonly fieldSpec: string;
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression. */
export function relaxedJSONPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = JSON_REGEXP.exec(pathExpression);
  if (!m) {
    throw new CliError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

const NO_COLUMNS = 'custom-columns format specified but no custom columns given';

/** NewCustomColumnsPrinterFromSpec: `NAME:metadata.name,API_VERSION:apiVersion`. */
export function columnsFromSpec(spec: string): Column[] {
  if (spec.length === 0) throw new CliError(NO_COLUMNS);
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJSONPathExpression(part.slice(colon + 1)) };
  });
}

/** bufio.ScanWords: fields separated by Unicode white space. */
const splitOnWhitespace = (line: string): string[] => line.split(/\s+/u).filter((w) => w !== '');

/**
 * NewCustomColumnsPrinterFromTemplate: a line of headers and a line of paths, both separated by
 * white space.
 */
export function columnsFromTemplate(text: string): Column[] {
  // bufio.ScanLines: lines end at \n, with a trailing \r dropped; a last line needs no newline.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  const format =
    'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length < 1) throw new CliError(`invalid template, missing header line. ${format}`);
  if (lines.length < 2) throw new CliError(`invalid template, missing spec line. ${format}`);
  const headers = splitOnWhitespace(lines[0]!);
  const specs = splitOnWhitespace(lines[1]!);
  if (headers.length !== specs.length) {
    throw new CliError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPathExpression(specs[i]!) }));
}

/** printers.EscapeTerminal: the escape character and carriage returns are made visible. */
const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

const isList = (obj: unknown): obj is { items: unknown[] } =>
  typeof obj === 'object' &&
  obj !== null &&
  Array.isArray((obj as { items?: unknown }).items) &&
  String((obj as { kind?: unknown }).kind ?? '').endsWith('List');

/** What the printer wrote, and the error that stopped it (printed after the text, as kubectl does). */
export interface CustomColumnsOutput {
  readonly text: string;
  readonly error?: Error;
}

/**
 * CustomColumnsPrinter.PrintObj for one object or a List: the header, then a row per object. A
 * path that does not parse, or fails on an object (an index out of bounds), stops the printing;
 * what was written by then (the header at least) is still printed.
 */
export function printCustomColumns(
  columns: readonly Column[],
  noHeaders: boolean,
  obj: unknown,
): CustomColumnsOutput {
  const w = new GoTabWriter();
  let error: Error | undefined;
  try {
    if (!noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`);
    const parsers = columns.map((c) => parseTemplate(c.fieldSpec));
    for (const item of isList(obj) ? obj.items : [obj]) {
      const cells = parsers.map((nodes) => {
        const values = findResults(nodes, item);
        const strings = values.length === 0 || values[0]!.length === 0 ? ['<none>'] : [];
        for (const set of values) for (const v of set) strings.push(escapeTerminal(goSprint(v)));
        return strings.join(',');
      });
      w.write(`${cells.join('\t')}\n`);
    }
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    error = new CliError(e.message);
  }
  w.flush();
  return { text: w.take(), ...(error ? { error } : {}) };
}

/** The columns `-o custom-columns=…` or `-o custom-columns-file=…` asks for. */
export interface CustomColumnsFormat {
  readonly kind: 'custom-columns';
  readonly columns: readonly Column[];
  readonly noHeaders: boolean;
}

/**
 * CustomColumnsPrintFlags.ToPrinter: undefined when -o names another format. `readFile` reads a
 * columns file, throwing an Error whose message is Go's (`open x: no such file or directory`).
 */
export function customColumnsFormat(
  output: string,
  noHeaders: boolean,
  readFile: (path: string) => string,
): CustomColumnsFormat | undefined {
  let format = output;
  let value = '';
  for (const name of ['custom-columns', 'custom-columns-file']) {
    if (output.startsWith(`${name}=`)) {
      format = name;
      value = output.slice(name.length + 1);
    }
  }
  if (format !== 'custom-columns' && format !== 'custom-columns-file') return undefined;
  if (value.length === 0) throw new CliError(NO_COLUMNS);
  if (format === 'custom-columns')
    return { kind: 'custom-columns', columns: columnsFromSpec(value), noHeaders };
  let text: string;
  try {
    text = readFile(value);
  } catch (e) {
    throw new CliError(`error reading template ${value}, ${(e as Error).message}\n`);
  }
  // A columns file always prints its header.
  return { kind: 'custom-columns', columns: columnsFromTemplate(text), noHeaders: false };
}
