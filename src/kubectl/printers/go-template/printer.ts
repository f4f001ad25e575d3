/**
 * kubectl's GoTemplatePrinter (cli-runtime printers/template.go, genericclioptions/template_flags.go):
 * the template is parsed as `output` with text/template's builtins plus `exists` and
 * `base64decode`; it runs on the object's JSON form; --allow-missing-template-keys=false sets
 * missingkey=error. When execution fails, what the template printed so far and a debugging
 * block go to stdout, and the error to stderr.
 */
import { goJson } from '../go-json.js';
import { strconvQuote } from '../go-sharp-v.js';
import { execute, TemplateExecError } from './exec.js';
import { formatV } from './fmt.js';
import { FUNC_NAMES } from './funcs.js';
import { parseTemplate, TemplateParseError, type Tree, UnsupportedTemplateError } from './parse.js';
import { fromJson } from './values.js';

export { TemplateParseError, UnsupportedTemplateError };

export interface GoTemplate {
  readonly raw: string;
  readonly tree: Tree;
}

/** template.New("output").Funcs(…).Parse(text); throws TemplateParseError with Go's message. */
export function compileGoTemplate(text: string): GoTemplate {
  return { raw: text, tree: parseTemplate('output', text, FUNC_NAMES) };
}

/** The outcome of PrintObj: the text written to stdout and, when execution failed, the error. */
export interface TemplateOutput {
  readonly stdout: string;
  readonly error?: string;
}

export function runGoTemplate(t: GoTemplate, object: unknown, allowMissingKeys: boolean): TemplateOutput {
  const data = fromJson(object);
  const out: string[] = [];
  try {
    execute(t.tree, data, out, { missingKeyError: !allowMissingKeys });
    return { stdout: out.join('') };
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${t.raw}\n` +
      `\traw data was:\n\t\t${goJson(object)}\n` +
      `\tobject given to template engine was:\n\t\t${formatV(data)}\n\n`;
    return {
      stdout: out.join('') + debug,
      error: `error executing template ${strconvQuote(t.raw)}: ${e.message}`,
    };
  }
}
