/**
 * genericclioptions.PrintFlags for commands that change objects: the NamePrinter line
 * (`deployment.apps/web paused`) by default, the bare name with `-o name`, the object with
 * `-o yaml|json|jsonpath=…`.
 */
import type { KubeObject } from '../../api/types.js';
import { CliError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { printName } from '../printers/name.js';
import { type OutputFormat, parseOutputFormat, printGeneric } from '../printers/output.js';

export const PRINT_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Validates -o for a mutation (no table formats there). */
export function mutationFormat(output: string): OutputFormat {
  const format = parseOutputFormat(output);
  if (format.kind === 'table' && output !== '') {
    throw new CliError(
      `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${ALLOWED}`,
    );
  }
  return format;
}

/** What kubectl prints for one object after an operation. */
export function printMutation(obj: KubeObject, operation: string, format: OutputFormat): string {
  switch (format.kind) {
    case 'table':
      return printName(obj, operation);
    case 'name':
      return printName(obj);
    default:
      return printGeneric(format, [obj], true);
  }
}
