/**
 * `kubectl get` (k8s.io/kubectl/pkg/cmd/get/get.go): tables as the API server prints them, one
 * tabwriter block per run of the same resource type, a blank line between blocks, `kind/name`
 * names when several kinds are shown, `No resources found in <ns> namespace.` on stderr when
 * nothing was printed; -o yaml/json/name/jsonpath/custom-columns through printGeneric.
 *
 * `-f FILE -l SELECTOR` filters the live objects the files name by their labels, client-side
 * (cli-runtime's visitByPaths: RetrieveLatest, then FilterByLabelSelector). For table output the
 * live objects are the API server's Tables, which carry no labels: a real kubectl v1.33 then
 * filters out everything a selector needs a label for, and kubesim does the same.
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Selector } from '../../api/labels.js';
import type { KubeObject } from '../../api/types.js';
import { StatusError } from '../../core/errors.js';
import { type CommandContext, ENDPOINTS_DEPRECATION, warnOnce } from '../context.js';
import { CliError, combineErrors } from '../errors.js';
import type { FlagSpec, ParsedFlags } from '../flags.js';
import { partition, readManifests } from '../manifests.js';
import { kindTable } from '../printers/columns/index.js';
import { customColumnsFormat, printCustomColumns } from '../printers/custom-columns.js';
import { kindString } from '../printers/name.js';
import { listOf, type OutputFormat, parseOutputFormat, writeGeneric } from '../printers/output.js';
import { TableBlock } from '../printers/table.js';
import {
  fetchTargets,
  type Info,
  labelSelector,
  listSelectors,
  missingObject,
  parseResourceArgs,
} from '../resource-args.js';
import { sortObjects, sortTables } from '../sort-by.js';
import { FILENAME_FLAGS, rejectUnsupported } from './common.js';

export const GET_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'template', type: 'string' },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
  ...FILENAME_FLAGS,
];

export function runGet(ctx: CommandContext, flags: ParsedFlags): void {
  if (flags.bool('watch') || flags.bool('watch-only')) {
    throw new CliError(
      'kubesim does not simulate --watch: a watch never ends. Let simulated time pass, then run `kubectl get` again',
    );
  }
  rejectUnsupported(flags, ['raw', 'subresource', 'kustomize']);
  const outputFlag = flags.string('output');
  // The custom-columns printer is built after the objects are fetched (printGeneric's ToPrinter).
  const customColumns = isCustomColumns(outputFlag);
  const format: OutputFormat | { kind: 'custom-columns' } = customColumns
    ? { kind: 'custom-columns' }
    : parseOutputFormat(outputFlag, flags.bool('allow-missing-template-keys'), flags.string('template'));
  if (flags.bool('show-labels') && format.kind !== 'table') {
    throw new CliError(`--show-labels option cannot be used with ${outputFlag} printer`);
  }
  const filenames = flags.strings('filename');
  const args = flags.args;
  if (args.length === 0 && filenames.length === 0) {
    ctx.io.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw new CliError(
      `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    );
  }
  const allNamespaces = flags.bool('all-namespaces');
  const selectors = listSelectors(flags.string('selector'), flags.string('field-selector'));
  const selector = selectors.label;
  const fields = selectors.fields;

  let infos: Info[];
  let errors: Error[];
  let single: boolean;
  if (filenames.length > 0) {
    if (args.length > 0) {
      throw new CliError(
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
      );
    }
    // For files kubectl parses -l itself: a selector that does not parse is a client-side error.
    const selector = labelSelector(flags.string('selector'));
    ({ infos, errors, single } = fetchFromManifests(ctx, filenames, selector, format.kind === 'table'));
  } else {
    // builder.visitBySelector: a label or a field selector (either, trimmed) rules out names.
    const parsed = parseResourceArgs(args, { allowEmptySelector: true, hasSelector: selectors.given });
    for (const t of parsed.targets) if (t.type.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
    ({ infos, errors } = fetchTargets(ctx, parsed.targets, {
      allNamespaces,
      selector,
      rejects: selectors.rejects,
    }));
    single = parsed.singleItemImplied;
  }
  if (fields) infos = infos.map((i) => (i.kind === 'list' ? { ...i, objects: i.objects.filter(fields) } : i));
  if (flags.bool('ignore-not-found'))
    errors = errors.filter((e) => !(e instanceof StatusError && e.reason === 'NotFound'));
  const sortBy = flags.string('sort-by');

  if (format.kind !== 'table') {
    if (single && errors.length > 0) throw combineErrors(errors)!;
    let objects = infos.flatMap((i) => (i.kind === 'list' ? i.objects : [i.object]));
    // SortingPrinter sorts the List it prints, not a single object asked for by name.
    if (sortBy && !(single && objects.length === 1)) objects = sortObjects(objects, sortBy);
    if (!(objects.length === 0 && flags.bool('ignore-not-found'))) {
      if (format.kind === 'custom-columns') {
        const printed = printCustomColumnsOf(ctx, flags, objects, single);
        if (printed) errors.push(printed);
      } else writeGeneric(ctx.io, format, objects, single);
    }
    const err = combineErrors(errors);
    if (err) throw err;
    return;
  }

  if (sortBy) {
    const sorted = sortTables(
      infos.map((i) => (i.kind === 'list' ? i.objects : [i.object])),
      sortBy,
    );
    infos = infos.flatMap((i, n): Info[] => {
      const rows = sorted[n];
      if (!rows) return [];
      return i.kind === 'list' ? [{ ...i, objects: rows }] : [i];
    });
  }
  printTables(ctx, infos, {
    wide: format.wide,
    noHeaders: flags.bool('no-headers'),
    allNamespaces,
    showLabels: flags.bool('show-labels'),
    showKind: flags.bool('show-kind'),
    labelColumns: flags.strings('label-columns'),
  });
  if (ctx.io.written === 0 && !flags.bool('ignore-not-found') && errors.length === 0) {
    const allNamespaced = !allNamespaces && infos.every((i) => i.type.namespaced);
    ctx.io.err(
      allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n',
    );
  }
  const err = combineErrors(errors);
  if (err) throw err;
}

interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  allNamespaces: boolean;
  showLabels: boolean;
  showKind: boolean;
  labelColumns: string[];
}

/** The human-readable part of get.go's Run: blocks per resource type, separated by a blank line. */
export function printTables(ctx: CommandContext, infos: readonly Info[], opts: TablePrintOptions): void {
  const printWithKind = opts.showKind || new Set(infos.map((i) => i.type.kind)).size > 1;
  let lastKind: string | undefined;
  let block: TableBlock | undefined;
  let separatorReady = false;
  const flush = () => {
    if (!block || block.empty) return;
    if (separatorReady) {
      ctx.io.out('\n');
      separatorReady = false;
    }
    ctx.io.out(block.render());
  };
  for (const info of infos) {
    if (info.type.kind !== lastKind) {
      flush();
      if (lastKind !== undefined && !opts.noHeaders && ctx.io.written > 0) separatorReady = true;
      block = new TableBlock(kindTable(info.type.kind), {
        wide: opts.wide,
        noHeaders: opts.noHeaders,
        withNamespace: opts.allNamespaces && info.type.namespaced,
        kindPrefix: printWithKind
          ? kindString({ kind: info.type.kind, apiVersion: info.type.group ? `${info.type.group}/v1` : 'v1' })
          : undefined,
        showLabels: opts.showLabels,
        labelColumns: opts.labelColumns,
      });
      lastKind = info.type.kind;
    }
    block!.add(info.kind === 'list' ? info.objects : [info.object], ctx.cluster.now);
  }
  flush();
}

/** -o custom-columns=SPEC or -o custom-columns-file=FILE (with or without a value). */
function isCustomColumns(output: string): boolean {
  return /^custom-columns(-file)?(=|$)/.test(output);
}

/**
 * printGeneric with the custom-columns printer: one object asked for by name, else a List. The
 * printer's own errors (a bad spec, an unreadable file) stop everything; a path that fails on an
 * object is returned, after what was printed.
 */
function printCustomColumnsOf(
  ctx: CommandContext,
  flags: ParsedFlags,
  objects: readonly KubeObject[],
  single: boolean,
): Error | undefined {
  const format = customColumnsFormat(flags.string('output'), flags.bool('no-headers'), (path) =>
    readColumnsFile(ctx, path),
  )!;
  const value = single && objects.length === 1 ? objects[0]! : listOf(objects);
  const out = printCustomColumns(format.columns, format.noHeaders, value);
  ctx.io.out(out.text);
  return out.error;
}

/** os.Open and read: a directory reads as nothing (bufio's Scan fails on it). */
function readColumnsFile(ctx: CommandContext, path: string): string {
  const resolved = ctx.opts.resolvePath ? ctx.opts.resolvePath(path) : path;
  if (!existsSync(resolved)) throw new Error(`open ${path}: no such file or directory`);
  if (statSync(resolved).isDirectory()) return '';
  return readFileSync(resolved, 'utf8');
}

/**
 * `get -f FILE`: the live objects the manifests name (each looked up by kind, namespace and
 * name), kept when their labels match -l. A table's rows come from the server's Table objects,
 * which have no labels (see the top of this file). One file (not a directory, not stdin) implies
 * a single item, as visitByPaths says.
 */
function fetchFromManifests(
  ctx: CommandContext,
  filenames: readonly string[],
  selector: Selector | undefined,
  table: boolean,
): { infos: Info[]; errors: Error[]; single: boolean } {
  const { errors, sendable } = partition(readManifests(ctx, filenames));
  const infos: Info[] = [];
  for (const item of sendable) {
    const obj = item.raw!;
    if (item.type!.kind === 'Endpoints') warnOnce(ctx, ENDPOINTS_DEPRECATION);
    const live: KubeObject | undefined = ctx.cluster.store.get(
      item.type!.kind,
      obj.metadata.namespace,
      obj.metadata.name,
    );
    if (!live) {
      errors.push(missingObject(ctx.cluster.store, item.type!, obj.metadata.namespace, obj.metadata.name));
      continue;
    }
    if (selector && !selector.matches(table ? {} : live.metadata.labels)) continue;
    infos.push({ kind: 'object', type: item.type!, object: live });
  }
  return { infos, errors, single: filenames.length === 1 && isOneFile(ctx, filenames[0]!) };
}

/** A path that is a file (not `-`, not a directory). */
function isOneFile(ctx: CommandContext, filename: string): boolean {
  if (filename === '-') return false;
  const path = ctx.opts.resolvePath ? ctx.opts.resolvePath(filename) : filename;
  return !existsSync(path) || !statSync(path).isDirectory();
}
