/**
 * kubectl's -o/--output formats and its generic (non-table) printing: `get` with -o
 * yaml/json/name/jsonpath/go-template prints one object when a single item was asked for by name, else a
 * `kind: List` of them (cmd/get printGeneric).
 *
 * Field order: `kubectl get` decodes what the server sends into unstructured maps, and Go
 * marshals maps with sorted keys, so -o json and -o yaml list every object's fields in key order
 * (`apiVersion, kind, metadata, spec, status`; metadata `annotations, creationTimestamp, …`), not
 * in the Go struct order the API types declare.
 */
import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../api/types.js';
import type { Streams } from '../context.js';
import { CliError, goQuote } from '../errors.js';
import { goJsonIndent } from './go-json.js';
import { goSharpV } from './go-sharp-v.js';
import {
  compileGoTemplate,
  type GoTemplate,
  runGoTemplate,
  TemplateParseError,
  UnsupportedTemplateError,
} from './go-template/printer.js';
import { toGoYaml } from './go-yaml.js';
import { JsonPathError, parseTemplate, printJsonPath } from './jsonpath.js';
import { printName } from './name.js';

export type OutputFormat =
  | { readonly kind: 'table'; readonly wide: boolean }
  | { readonly kind: 'name' }
  | { readonly kind: 'yaml' }
  | { readonly kind: 'json' }
  | { readonly kind: 'jsonpath'; readonly template: string; readonly allowMissingKeys: boolean }
  | { readonly kind: 'go-template'; readonly template: GoTemplate; readonly allowMissingKeys: boolean };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

const NOT_SIMULATED = new Set(['custom-columns', 'custom-columns-file', 'jsonpath-as-json', 'jsonpath-file']);

/** GoTemplatePrintFlags' formats: the template may follow `=` or come from --template. */
const TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile'];

/**
 * Parses the -o value as kubectl's PrintFlags do; `''` is the default table. `allowMissingKeys`
 * is --allow-missing-template-keys (default true); `templateArg` is --template, which alone
 * (without -o) means go-template, as in `kubectl get`'s PrintFlags.
 */
export function parseOutputFormat(value: string, allowMissingKeys = true, templateArg = ''): OutputFormat {
  if (value === '' && templateArg !== '') value = 'go-template';
  if (value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'name' || value === 'yaml' || value === 'json') return { kind: value };
  const eq = value.indexOf('=');
  const format = eq >= 0 ? value.slice(0, eq) : value;
  if (format === 'jsonpath') {
    const template = eq >= 0 ? value.slice(eq + 1) : '';
    if (!template) throw new CliError('template format specified but no template given');
    try {
      parseTemplate(template);
    } catch (e) {
      throw new CliError(`error parsing jsonpath ${template}, ${(e as Error).message}`);
    }
    return { kind: 'jsonpath', template, allowMissingKeys };
  }
  const goTemplate = goTemplateFormat(value, templateArg, allowMissingKeys);
  if (goTemplate) return goTemplate;
  if (NOT_SIMULATED.has(format))
    throw new CliError(`kubesim does not simulate the output format "${format}"`);
  throw new CliError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`,
  );
}

/** GoTemplatePrintFlags.ToPrinter; undefined when the format is not a template format. */
function goTemplateFormat(
  value: string,
  templateArg: string,
  allowMissingKeys: boolean,
): OutputFormat | undefined {
  let format = value;
  let text = templateArg;
  if (templateArg === '') {
    const prefix = TEMPLATE_FORMATS.find((f) => value.startsWith(`${f}=`));
    if (prefix) {
      format = prefix;
      text = value.slice(prefix.length + 1);
    }
  }
  if (!TEMPLATE_FORMATS.includes(format)) return undefined;
  if (!text) throw new CliError('template format specified but no template given');
  if (format === 'templatefile' || format === 'go-template-file') {
    try {
      text = readFileSync(text, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or directory' : (e as Error).message;
      throw new CliError(`error reading --template ${text}, open ${text}: ${reason}`);
    }
  }
  try {
    return { kind: 'go-template', template: compileGoTemplate(text), allowMissingKeys };
  } catch (e) {
    if (e instanceof TemplateParseError) throw new CliError(`error parsing template ${text}, ${e.message}`);
    if (e instanceof UnsupportedTemplateError)
      throw new CliError(`kubesim does not simulate ${e.message} in go-templates`);
    throw e;
  }
}

/**
 * A go-template that failed while running: what it printed so far plus kubectl's debugging
 * block belong on stdout (GoTemplatePrinter.PrintObj writes them there), the message on stderr.
 */
export class GoTemplateError extends CliError {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

/** printGeneric onto the command's streams, keeping a failed go-template's stdout. */
export function writeGeneric(
  io: Streams,
  format: OutputFormat,
  objects: readonly KubeObject[],
  single: boolean,
): void {
  try {
    io.out(printGeneric(format, objects, single));
  } catch (e) {
    if (e instanceof GoTemplateError) io.out(e.stdout);
    throw e;
  }
}

/** The `kind: List` kubectl wraps several objects in. */
export function listOf(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** Prints objects with a non-table format; `single` when one object was asked for by name. */
export function printGeneric(format: OutputFormat, objects: readonly KubeObject[], single: boolean): string {
  const value = single && objects.length === 1 ? objects[0]! : listOf(objects);
  switch (format.kind) {
    case 'yaml':
      return toGoYaml(value);
    case 'json':
      return `${goJsonIndent(value)}\n`;
    case 'name':
      return objects.map((o) => printName(o)).join('');
    case 'jsonpath':
      return printJsonPathOrExplain(format, value);
    case 'go-template': {
      const result = runGoTemplate(format.template, value, format.allowMissingKeys);
      if (result.error !== undefined) throw new GoTemplateError(result.error, result.stdout);
      return result.stdout;
    }
    case 'table':
      throw new Error('printGeneric called for a table');
  }
}

/**
 * JSONPathPrinter.PrintObj: a template that fails on the object (an index out of bounds, a
 * missing key when they are not allowed) prints nothing, and the error shows the template and
 * the object as Go's %#v renders it.
 */
function printJsonPathOrExplain(format: Extract<OutputFormat, { kind: 'jsonpath' }>, value: unknown): string {
  try {
    return printJsonPath(format.template, value, format.allowMissingKeys);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    throw new CliError(
      `error executing jsonpath ${goQuote(format.template)}: Error executing template: ${e.message}. ` +
        'Printing more information for debugging the template:\n' +
        `\ttemplate was:\n\t\t${format.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(value)}\n\n\n`,
    );
  }
}
