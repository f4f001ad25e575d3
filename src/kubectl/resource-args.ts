/**
 * What cli-runtime's resource.Builder does with `TYPE NAME…`, `TYPE/NAME…`, `a,b`, `all`, -l,
 * --all and -A: which resource types and objects a command acts on, in kubectl's order, with its
 * error messages (ResourceTypeOrNameArgs, visitByName, visitByResource, visitBySelector).
 */
import {
  type FieldSelector,
  fieldSelectorFor,
  parseFieldSelector,
  selectableFieldValue,
} from '../api/fields.js';
import { parseSelector, type Selector, SelectorParseError } from '../api/labels.js';
import { lookupResource, qualifiedResource, type ResourceType, resourceOf } from '../api/resources.js';
import type { KindName, KubeObject } from '../api/types.js';
import { notFound, StatusError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { CommandContext } from './context.js';
import { CliError, goQuote } from './errors.js';

/** The resource types of the `all` category that kubesim serves, in discovery's order. */
const ALL_CATEGORY: readonly KindName[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** One thing the builder visits: a list of one type, or one named object. */
export type Info =
  | { readonly kind: 'list'; readonly type: ResourceType; readonly objects: readonly KubeObject[] }
  | {
      readonly kind: 'object';
      readonly type: ResourceType;
      readonly object: KubeObject;
      readonly source?: string;
    };

export interface ArgTarget {
  readonly type: ResourceType;
  /** Absent: every object of the type (by selector). */
  readonly name?: string;
}

export interface ParsedArgs {
  readonly targets: readonly ArgTarget[];
  /** kubectl prints one object rather than a List for `TYPE NAME` or `TYPE/NAME` alone. */
  readonly singleItemImplied: boolean;
  readonly byName: boolean;
}

/** Resolves a type name as kubectl does, or fails with its NoResourceMatch message. */
export function resourceType(name: string): ResourceType {
  const r = lookupResource(name);
  if (!r || name === '') throw new CliError(`the server doesn't have a resource type "${name}"`);
  return r;
}

function splitTypes(arg: string): ResourceType[] {
  const seen = new Set<string>();
  const out: ResourceType[] = [];
  for (const part of arg.split(',')) {
    if (seen.has(part)) continue;
    seen.add(part);
    if (part === 'all') {
      for (const kind of ALL_CATEGORY) if (!out.includes(resourceOf(kind))) out.push(resourceOf(kind));
    } else out.push(resourceType(part));
  }
  return out;
}

/**
 * normalizeMultipleResourcesArgs: `pods,svc a b` means `pods/a pods/b svc/a svc/b` (each type
 * with each name). A type list before a slash (`pods,svc/a`) is not expanded: it is an error.
 */
function normalize(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  // SplitResourceArgument: the comma-separated types, each once.
  const types = [...new Set(args[0]!.split(','))];
  if (types.length < 2) return [...args];
  return types.flatMap((type) => args.slice(1).map((name) => `${type}/${name}`));
}

/**
 * Parses the positional arguments. `allowEmptySelector` is true for `get` (a bare type lists
 * everything) and false for `delete` and `scale` (a bare type needs -l, --all or names).
 */
export function parseResourceArgs(
  rawArgs: readonly string[],
  opts: { allowEmptySelector: boolean; hasSelector: boolean },
): ParsedArgs {
  const args = normalize(rawArgs);
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length) {
      throw new CliError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    if (opts.hasSelector)
      throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    const targets = args.map((a): ArgTarget => {
      const seg = a.split('/');
      if (seg.length !== 2)
        throw new CliError('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg as [string, string];
      if (!type || !name || type.includes(',') || type === 'all')
        throw new CliError('arguments in resource/name form must have a single resource and name');
      return { type: resourceType(type), name };
    });
    return { targets, singleItemImplied: targets.length === 1, byName: true };
  }
  if (args.length === 0) return { targets: [], singleItemImplied: false, byName: false };
  const types = splitTypes(args[0]!);
  const names = args.slice(1);
  if (names.length > 0) {
    if (opts.hasSelector) throw new CliError('name cannot be provided when a selector is specified');
    if (types.length > 1) throw new CliError('you must specify only one resource');
    return {
      targets: names.map((name) => ({ type: types[0]!, name })),
      singleItemImplied: names.length === 1,
      byName: true,
    };
  }
  if (!opts.allowEmptySelector && !opts.hasSelector)
    throw new CliError('resource(s) were provided, but no name was specified');
  return { targets: types.map((type) => ({ type })), singleItemImplied: false, byName: false };
}

/**
 * -l for objects read from files (cli-runtime's visitByPaths): kubectl parses the selector itself
 * and filters what it read, so a selector that does not parse is a client-side error.
 */
export function labelSelector(text: string): Selector | undefined {
  // LabelSelectorParam trims the flag; a blank one is no selector.
  const query = text.trim();
  if (query === '') return undefined;
  try {
    return parseSelector(query);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    throw new CliError(`the provided selector ${goQuote(query)} is not valid: ${e.message}`);
  }
}

/**
 * -l and --field-selector as the API server receives them: kubectl sends them unparsed, so a
 * selector the server cannot parse, or a field the kind cannot be selected by, fails each list
 * request (and only those) with BadRequest.
 */
export interface ListSelectors {
  readonly label: Selector | undefined;
  /** The field selector as the server matches it, for objects of any kind it accepted. */
  readonly fields: ((obj: KubeObject) => boolean) | undefined;
  /** True when -l or --field-selector was given (even if unparsable). */
  readonly given: boolean;
  /** The server's BadRequest for a list of `type`, if it rejects the selectors for that type. */
  readonly rejects?: (type: ResourceType) => StatusError | undefined;
}

export function listSelectors(labelText: string, fieldText = ''): ListSelectors {
  // LabelSelectorParam and FieldSelectorParam trim the flags and send them as they are.
  const labelQuery = labelText.trim();
  const fieldQuery = fieldText.trim();
  let label: Selector | undefined;
  let fieldQuerySelector: FieldSelector | undefined;
  // The server converts the label selector first, so its error wins.
  let problem: string | undefined;
  try {
    if (labelQuery !== '') label = parseSelector(labelQuery);
    if (fieldQuery !== '') fieldQuerySelector = parseFieldSelector(fieldQuery);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    problem = e.message;
  }
  const given = labelQuery !== '' || fieldQuery !== '';
  const byKind = new Map<string, FieldSelector | string>();
  /** The field selector the server matches for a kind, or its reason to refuse it. */
  const forKind = (kind: string): FieldSelector | string => {
    let converted = byKind.get(kind);
    if (converted === undefined) {
      try {
        converted = fieldSelectorFor(kind, fieldQuerySelector!);
      } catch (e) {
        if (!(e instanceof SelectorParseError)) throw e;
        converted = e.message;
      }
      byKind.set(kind, converted);
    }
    return converted;
  };
  const fields =
    fieldQuerySelector && !fieldQuerySelector.empty
      ? (obj: KubeObject) => {
          const sel = forKind(obj.kind);
          return typeof sel !== 'string' && sel.matches((f) => selectableFieldValue(obj, f));
        }
      : undefined;
  if (problem === undefined && !fields) return { label, fields, given };
  // cli-runtime's Selector visitor (EnhanceListError) prefixes the server's message with what it asked for.
  const rejects = (type: ResourceType): StatusError | undefined => {
    const reason = problem ?? (fields ? forKind(type.kind) : undefined);
    if (reason === undefined || typeof reason !== 'string') return undefined;
    return new StatusError(
      'BadRequest',
      `Unable to find ${goQuote(`${type.group}/${type.version}, Resource=${type.plural}`)} that match label selector ${goQuote(labelQuery)}, field selector ${goQuote(fieldQuery)}: ${reason}`,
    );
  };
  if (problem !== undefined) return { label: undefined, fields: undefined, given, rejects };
  return { label, fields, given, rejects };
}

/**
 * Fetches what the targets name: lists for bare types (filtered by the selector, in one
 * namespace or all), objects for names. Missing names become NotFound errors, kept in order.
 */
export function fetchTargets(
  ctx: CommandContext,
  targets: readonly ArgTarget[],
  opts: {
    allNamespaces: boolean;
    selector: Selector | undefined;
    rejects?: (type: ResourceType) => StatusError | undefined;
  },
): { infos: Info[]; errors: Error[] } {
  const infos: Info[] = [];
  const errors: Error[] = [];
  const { store } = ctx.cluster;
  if (opts.allNamespaces && targets.some((t) => t.name !== undefined && t.type.namespaced))
    throw new CliError('a resource cannot be retrieved by name across all namespaces');
  for (const t of targets) {
    const namespace = t.type.namespaced ? ctx.namespace : undefined;
    if (t.name === undefined) {
      const rejected = opts.rejects?.(t.type);
      if (rejected) {
        errors.push(rejected);
        continue;
      }
      const ns = opts.allNamespaces ? undefined : namespace;
      infos.push({ kind: 'list', type: t.type, objects: store.list(t.type.kind, ns, opts.selector) });
      continue;
    }
    const obj = store.get(t.type.kind, namespace, t.name);
    if (obj) infos.push({ kind: 'object', type: t.type, object: obj });
    else errors.push(missingObject(store, t.type, namespace, t.name));
  }
  return { infos, errors };
}

/**
 * The error for a named object that is not there (Info.Get in cli-runtime's visitor.go): its
 * NotFound, or, in a namespace other than `default` that does not exist either, the namespace's
 * (`namespaces "nope" not found`).
 */
export function missingObject(
  store: Store,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
): StatusError {
  if (
    type.namespaced &&
    namespace &&
    namespace !== 'default' &&
    !store.get('Namespace', undefined, namespace)
  )
    return notFound('namespaces', namespace);
  return notFound(qualifiedResource(type), name);
}
