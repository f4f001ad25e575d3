/**
 * Server-side table printing as kubectl shows it: each kind's printer (printers/columns, ported
 * from kubernetes pkg/printers/internalversion/printers.go) makes the cells of one row; this file
 * adds what cli-runtime's HumanReadablePrinter adds (decorateTable: the NAMESPACE column for -A,
 * `kind/` name prefixes when several kinds are printed, -L label columns, --show-labels) and
 * prints headers once per run of rows with the same columns.
 */
import type { KubeObject } from '../../api/types.js';
import { simTimeOf } from '../../store/time.js';
import { humanDuration } from './human-duration.js';
import { alignColumns } from './tabwriter.js';

export interface TableColumn {
  /** As the server names it (`Nominated Node`); printed in upper case. */
  readonly name: string;
  /** Priority 1: shown only with -o wide. */
  readonly wide?: boolean;
  /** The column with format "name" (the kind prefix goes here). */
  readonly isName?: boolean;
}

/** One kind's table: its columns and how one object becomes one row (all columns, wide included). */
export interface KindTable<T = KubeObject> {
  readonly columns: readonly TableColumn[];
  row(obj: T, now: number): string[];
}

export interface TableOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly withNamespace: boolean;
  /** `deployment.apps`: prefixes names as `deployment.apps/web`. */
  readonly kindPrefix?: string;
  readonly showLabels: boolean;
  /** -L keys: one extra column per key, headed by the key's last path segment in upper case. */
  readonly labelColumns: readonly string[];
}

/** translateTimestampSince: `<unknown>` for no time, else HumanDuration of now minus it. */
export function age(timestamp: string | undefined, now: number): string {
  const t = simTimeOf(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}

/** labels.FormatLabels: `a=1,b=2` sorted by key, or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * Lines of one table run (a tabwriter block): rows keep being added while the resource type stays
 * the same; headers are printed once, and not at all when there are no rows.
 */
export class TableBlock {
  private readonly lines: string[][] = [];
  private headersPrinted = false;

  constructor(
    private readonly kind: KindTable<KubeObject>,
    private readonly options: TableOptions,
  ) {}

  get empty(): boolean {
    return this.lines.length === 0;
  }

  add(objects: readonly KubeObject[], now: number): void {
    if (objects.length === 0) return;
    const { options } = this;
    const visible = this.kind.columns.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || !c.wide);
    if (!this.headersPrinted && !options.noHeaders) {
      const header = visible.map(({ c }) => c.name.toUpperCase());
      if (options.withNamespace) header.unshift('NAMESPACE');
      header.push(...options.labelColumns.map(labelHeader));
      if (options.showLabels) header.push('LABELS');
      this.lines.push(header);
    }
    this.headersPrinted = true;
    const nameIndex = this.kind.columns.findIndex((c) => c.isName);
    for (const obj of objects) {
      const cells = this.kind.row(obj, now);
      if (options.kindPrefix && nameIndex >= 0)
        cells[nameIndex] = `${options.kindPrefix}/${cells[nameIndex]}`;
      const line = visible.map(({ i }) => sanitizeCell(cells[i] ?? ''));
      if (options.withNamespace) line.unshift(obj.metadata.namespace ?? '');
      for (const key of options.labelColumns) line.push(obj.metadata.labels?.[key] ?? '');
      if (options.showLabels) line.push(formatLabels(obj.metadata.labels));
      this.lines.push(line);
    }
  }

  render(): string {
    return alignColumns(this.lines);
  }
}

/** formatLabelHeaders: the upper-cased last path segment of a label key. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

/** A cell is cut at its first line break, marked with `...` (cli-runtime's cellBreakChars). */
function sanitizeCell(cell: string): string {
  const i = cell.search(/[\f\n\r]/);
  return i < 0 ? cell : `${cell.slice(0, i)}...`;
}
