/**
 * Column alignment as kubectl's table printer does it: Go's text/tabwriter (liggitt/tabwriter)
 * with cli-runtime's settings minwidth 6, padding 3, pad character ' '. Every cell but the last
 * of a line is padded to its column's width, max(6, widest cell + 3); the last cell is never
 * padded. Widths count runes, as Go's tabwriter does.
 *
 * Simplified: all lines of one table have the same number of cells (true for kubectl's tables),
 * so one column block spans the whole table; kubectl's periodic flush every 100 rows (which
 * keeps widths from earlier rows) is not modelled.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

const runeLength = (s: string): number => [...s].length;

export function alignColumns(lines: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    for (let j = 0; j < cells.length - 1; j++) {
      widths[j] = Math.max(widths[j] ?? MIN_WIDTH, runeLength(cells[j]!) + PADDING);
    }
  }
  let out = '';
  for (const cells of lines) {
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j]!;
      out += j < cells.length - 1 ? cell + ' '.repeat(widths[j]! - runeLength(cell)) : cell;
    }
    out += '\n';
  }
  return out;
}
