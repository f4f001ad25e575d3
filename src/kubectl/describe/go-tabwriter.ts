/**
 * Go's text/tabwriter as kubectl's describers use it (describe.go tabbedString: minwidth 0,
 * tabwidth 8, padding 2, padchar ' ', no flags).
 *
 * `get`'s table printer (printers/tabwriter.ts) can treat a table as one block because every row
 * has the same cells; describe output cannot: its lines have different numbers of cells, and Go
 * aligns a column only over a *column block*, a run of consecutive lines that all have a
 * tab-terminated cell in that column, working column by column inside each block (Writer.format).
 * The text after a line's last tab is never padded and never widens a column. Widths count runes.
 */
interface Cell {
  readonly text: string;
  readonly width: number;
}

export interface TabWriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

const DESCRIBE: TabWriterOptions = { minwidth: 0, padding: 2 };

const runeLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Aligns `text` as Go's tabwriter does when everything is written and then flushed. */
export function tabwrite(text: string, opts: TabWriterOptions = DESCRIBE): string {
  const raw = text.split('\n');
  // The text after the last newline is the unfinished last line; Go adds its pending cell only
  // when it is not empty, and writes no newline after it.
  const pending = raw.pop()!;
  const lines: Cell[][] = raw.map((l) => l.split('\t').map((t) => ({ text: t, width: runeLength(t) })));
  const last = pending.split('\t').map((t) => ({ text: t, width: runeLength(t) }));
  if (last[last.length - 1]!.text === '') last.pop();
  lines.push(last);

  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const cell = line[j]!;
        out.push(cell.text);
        if (j < widths.length) out.push(' '.repeat(Math.max(0, widths[j]! - cell.width)));
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  // Writer.format: find each block of lines with a cell in this column, size the column over
  // the block, then format the columns to its right within the block.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let width = opts.minwidth;
      for (; i < line1; i++) {
        const line = lines[i]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + opts.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
