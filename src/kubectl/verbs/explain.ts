/**
 * `kubectl explain TYPE[.FIELD…]` (k8s.io/kubectl/pkg/cmd/explain/explain.go, v1.33): prints the
 * documentation of a resource or field from the OpenAPI v3 document of its group-version, with
 * the plaintext template (src/kubectl/explain/render.ts). Like kubectl, what the template wrote
 * before an error (the KIND/VERSION header) stays on stdout.
 * Simplified: `--output=plaintext-openapiv2` (the OpenAPI v2 renderer) is not simulated.
 */
import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { gvrString, openAPIDocuments, openAPIPathOf } from '../explain/openapi.js';
import { renderExplain } from '../explain/render.js';
import {
  parseGroupVersion,
  parseResourceRequest,
  parseResourceRequestWithMatchingPrefix,
  type ResourceRequest,
} from '../explain/resource-request.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';

export const EXPLAIN_FLAGS: readonly FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string', default: '' },
  { name: 'output', type: 'string', default: 'plaintext' },
];

function validate(args: readonly string[]): void {
  if (args.length === 0) {
    throw new CliError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  if (args.length > 1) throw new CliError('We accept only this format: explain RESOURCE\n');
}

function resourceRequest(arg: string, apiVersion: string): ResourceRequest {
  if (!apiVersion) return parseResourceRequestWithMatchingPrefix(arg);
  // The TODO upstream: with --api-version the group cannot be written in the argument.
  return parseResourceRequest(arg);
}

export function runExplain(ctx: CommandContext, flags: ParsedFlags): void {
  validate(flags.args);
  const apiVersion = flags.string('api-version');
  let { gvr, fieldPath } = resourceRequest(flags.args[0]!, apiVersion);
  const output = flags.string('output');
  if (output === 'plaintext-openapiv2') {
    throw new CliError('kubesim does not simulate "kubectl explain --output=plaintext-openapiv2" yet');
  }
  if (apiVersion) gvr = { ...gvr, ...parseGroupVersion(apiVersion) };
  const document = openAPIDocuments().get(openAPIPathOf(gvr.group, gvr.version));
  if (!document) throw new CliError(`couldn't find resource for "${gvrString(gvr)}"`);
  // Any other format reaches the template generator, which knows only "plaintext".
  if (output !== 'plaintext') throw new CliError(`unrecognized format: ${output}`);
  const { out, error } = renderExplain(document, gvr, fieldPath, flags.bool('recursive'));
  ctx.io.out(out);
  if (error) throw new CliError(error.message);
}
