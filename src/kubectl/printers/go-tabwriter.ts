/**
 * A faithful port of github.com/liggitt/tabwriter (Go's text/tabwriter plus RememberWidths), by
 * default as cli-runtime's printers.GetNewTabWriter configures it: minwidth 6, padding 3, pad
 * character ' ', flag RememberWidths. Unlike tabwriter.ts (which aligns whole tables of equal
 * rows), this one handles what kubectl's generic printers write: cells holding newlines (a line
 * of one cell flushes the writer), rows of different lengths, and widths remembered per column
 * across flushes. The custom-columns printer writes through it.
 *
 * Not ported: escapes, HTML filtering, AlignRight, DiscardEmptyColumns, TabIndent, Debug and tab
 * padding (unused by kubectl). Widths count Unicode code points, as utf8.RuneCount does.
 */

interface Cell {
  /** The cell's text (Go keeps a byte size into one buffer; a string per cell is simpler). */
  text: string;
  /** Width in runes. */
  width: number;
  /** Terminated by a tab. */
  htab: boolean;
}

/** NewWriter's parameters (tabwidth is only used with tab padding, which kubectl does not use). */
export interface TabWriterOptions {
  readonly minwidth: number;
  readonly padding: number;
  readonly padchar: string;
  readonly rememberWidths: boolean;
}

/** printers.GetNewTabWriter: minwidth 6, padding 3, ' ', RememberWidths. */
export const KUBECTL_TABWRITER: TabWriterOptions = {
  minwidth: 6,
  padding: 3,
  padchar: ' ',
  rememberWidths: true,
};

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export class GoTabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell: Cell = { text: '', width: 0, htab: false };
  private widths: number[] = [];
  private readonly maxwidths: number[] = [];

  constructor(private readonly options: TabWriterOptions = KUBECTL_TABWRITER) {}

  /** Writer.Write: splits text into cells at tabs and line breaks. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.append(text.slice(start, i));
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line of one cell cannot affect the formatting of later lines: flush.
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.append(text.slice(start));
  }

  /** Writer.Flush: formats and writes out what is buffered. */
  flush(): void {
    if (this.cell.text.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = { text: '', width: 0, htab: false };
    this.widths = [];
  }

  /** The output so far (after a flush, everything written). */
  take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }

  private append(text: string): void {
    this.cell.text += text;
    this.cell.width += runeCount(text);
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = { text: '', width: 0, htab: false };
    return line.length;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += this.options.padchar.repeat(this.widths[j]! - c.width);
      });
      if (i + 1 === this.lines.length) {
        // The last buffered line has no newline yet: write the incomplete cell.
        this.out += this.cell.text;
      } else {
        this.out += '\n';
      }
    }
  }

  /** RememberWidths: a column never gets narrower than it has been. */
  private remember(width: number): number {
    if (this.maxwidths.length < this.widths.length) {
      this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    }
    const remembered = this.maxwidths[this.widths.length];
    if (remembered === undefined) this.maxwidths.push(width);
    else if (remembered > width) return remembered;
    else if (remembered < width) this.maxwidths[this.widths.length] = width;
    return width;
  }

  /** SetRememberedWidths. */
  setRememberedWidths(widths: readonly number[]): this {
    this.maxwidths.length = 0;
    this.maxwidths.push(...widths);
    return this;
  }

  /** RememberedWidths. */
  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  /** The elastic-tabstops recursion of Writer.format. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current]!.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.options.minwidth;
      for (; current < line1; current++) {
        const line = this.lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.options.padding);
      }
      if (this.options.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }
}

/** Writes `text` through a fresh writer and flushes it. */
export function tabwrite(text: string): string {
  const w = new GoTabWriter();
  w.write(text);
  w.flush();
  return w.take();
}
