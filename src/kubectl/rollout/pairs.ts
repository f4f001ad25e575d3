/**
 * `KEY=VALUE` and `KEY-` arguments after the resources (k8s.io/kubectl/pkg/cmd/util/helpers.go
 * GetResourcesAndPairs and ParsePairs), as `set image`, `annotate` and `label` read them. Go keeps
 * the pairs in a map; kubesim keeps them in the order given (Go's iteration order is random).
 */
import { CliError } from '../errors.js';

const isPair = (s: string): boolean => (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');

/** Splits the arguments into resources and pairs; every resource must come before the pairs. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg);
    else if (pairs.length > 0)
      throw new CliError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** ParsePairs: new values (first `=` splits) and, when supported, keys to remove (`KEY-`). */
export function parsePairs(
  pairs: readonly string[],
  pairType: string,
  supportRemove: boolean,
): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=') && pair[0] !== '=') {
      const at = pair.indexOf('=');
      set.set(pair.slice(0, at), pair.slice(at + 1));
    } else if (supportRemove && pair.endsWith('-') && pair !== '-') {
      remove.push(pair.slice(0, -1));
    } else {
      invalid.push(pair);
    }
  }
  if (invalid.length > 0) throw new CliError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}
