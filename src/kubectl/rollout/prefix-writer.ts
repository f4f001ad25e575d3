/**
 * kubectl's describe.PrefixWriter writing straight into a string, as `rollout history --revision`
 * and `rollout undo --dry-run=client` use it (printTemplate: no tabwriter, so the tabs stay in the
 * output). Each level indents by two spaces.
 */
export class PrefixWriter {
  private text = '';

  /** Writes `content` after `level` levels of two-space indentation. */
  write(level: number, content: string): void {
    this.text += '  '.repeat(level) + content;
  }

  /** fmt.Sprintln: the content and a newline, without indentation. */
  writeLine(content: string): void {
    this.text += `${content}\n`;
  }

  toString(): string {
    return this.text;
  }
}

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
