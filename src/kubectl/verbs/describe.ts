/**
 * `kubectl describe` (k8s.io/kubectl/pkg/cmd/describe/describe.go): the objects the arguments
 * name (TYPE, TYPE NAME…, TYPE/NAME, -l, -A, -f), each through its kind's describer, the first as
 * it is and every further one after two newlines. `describe TYPE NAME` with no object of that
 * name describes every object of the type whose name starts with NAME (DescribeMatchingResources),
 * each followed by a newline; if none does, the NotFound error stands.
 */
import type { ResourceType } from '../../api/resources.js';
import type { KubeObject } from '../../api/types.js';
import { StatusError } from '../../core/errors.js';
import { type CommandContext, ENDPOINTS_DEPRECATION, warnOnce } from '../context.js';
import { EventIndex } from '../describe/events.js';
import { type DescribeContext, describerFor } from '../describe/index.js';
import { CliError, combineErrors } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import {
  fetchTargets,
  type Info,
  labelSelector,
  listSelectors,
  missingObject,
  parseResourceArgs,
} from '../resource-args.js';
import { FILENAME_FLAGS, rejectUnsupported } from './common.js';

export const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  ...FILENAME_FLAGS,
];

const NO_TYPE =
  'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

interface Found {
  readonly type: ResourceType;
  readonly object: KubeObject;
}

const flatten = (infos: readonly Info[]): Found[] =>
  infos.flatMap((i) =>
    i.kind === 'list'
      ? i.objects.map((object) => ({ type: i.type, object }))
      : [{ type: i.type, object: i.object }],
  );

const isNotFound = (e: Error) => e instanceof StatusError && e.reason === 'NotFound';

export function runDescribe(ctx: CommandContext, flags: ParsedFlags): void {
  rejectUnsupported(flags, ['kustomize']);
  const args = flags.args;
  const filenames = flags.strings('filename');
  if (args.length === 0 && filenames.length === 0) throw new CliError(NO_TYPE);
  const allNamespaces = flags.bool('all-namespaces');
  const selectors = listSelectors(flags.string('selector'));
  const selector = selectors.label;
  const dctx: DescribeContext = {
    store: ctx.cluster.store,
    now: ctx.cluster.now,
    showEvents: flags.bool('show-events'),
    events: new EventIndex(ctx.cluster.store),
  };
  const describe = (f: Found) => describerFor(f.type.kind)(f.object, dctx);

  let found: Found[];
  let errors: Error[];
  if (filenames.length > 0) {
    // For files kubectl parses -l itself (a bad one is a client-side error) and filters them.
    ({ found, errors } = fromManifests(ctx, filenames, args, labelSelector(flags.string('selector'))));
  } else {
    const parsed = parseResourceArgs(args, { allowEmptySelector: true, hasSelector: selectors.given });
    for (const t of parsed.targets) if (t.type.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
    const fetched = fetchTargets(ctx, parsed.targets, {
      allNamespaces,
      selector,
      rejects: selectors.rejects,
    });
    found = flatten(fetched.infos);
    errors = fetched.errors;
    // A lone NotFound error for `TYPE NAME` turns into a search by name prefix.
    if (errors.length === 1 && isNotFound(errors[0]!) && args.length === 2) {
      describeMatching(ctx, errors[0]!, args[0]!, args[1]!, describe);
      return;
    }
  }

  found.forEach((f, i) => {
    ctx.io.out(i === 0 ? describe(f) : `\n\n${describe(f)}`);
  });
  if (found.length === 0 && errors.length === 0) {
    ctx.io.err(
      allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`,
    );
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

/** DescribeMatchingResources: every object of the one type (in the namespace) named `prefix…`. */
function describeMatching(
  ctx: CommandContext,
  original: Error,
  resource: string,
  prefix: string,
  describe: (f: Found) => string,
): void {
  const parsed = parseResourceArgs([resource], { allowEmptySelector: true, hasSelector: false });
  if (new Set(parsed.targets.map((t) => t.type.kind)).size > 1) {
    throw new CliError('you may only specify a single resource type');
  }
  const { infos, errors } = fetchTargets(ctx, parsed.targets, { allNamespaces: false, selector: undefined });
  const err = combineErrors(errors);
  if (err) throw err;
  let matched = false;
  for (const f of flatten(infos)) {
    if (!f.object.metadata.name.startsWith(prefix)) continue;
    matched = true;
    ctx.io.out(`${describe(f)}\n`);
  }
  if (!matched) throw original;
}

/** `describe -f FILE`: the live objects the manifests name, filtered by -l if given. */
function fromManifests(
  ctx: CommandContext,
  filenames: readonly string[],
  args: readonly string[],
  selector: ReturnType<typeof labelSelector>,
): { found: Found[]; errors: Error[] } {
  if (args.length > 0) {
    // The builder's own argument errors come first, then the ones about mixing in paths.
    parseResourceArgs(args, { allowEmptySelector: true, hasSelector: false });
    throw new CliError(
      args.some((a) => a.includes('/'))
        ? 'resource/name arguments cannot be provided when a path is specified'
        : 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  }
  const { errors, sendable } = partition(readManifests(ctx, filenames));
  const found: Found[] = [];
  for (const item of sendable) {
    const obj = item.raw!;
    if (selector && !selector.matches(obj.metadata.labels)) continue;
    if (item.type!.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
    const live = ctx.cluster.store.get(item.type!.kind, obj.metadata.namespace, obj.metadata.name);
    if (live) found.push({ type: item.type!, object: live });
    else errors.push(missingObject(ctx.cluster.store, item.type!, obj.metadata.namespace, obj.metadata.name));
  }
  return { found, errors };
}
