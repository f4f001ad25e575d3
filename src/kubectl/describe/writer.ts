/**
 * describe.go's PrefixWriter and tabbedString: every describer writes lines at an indentation
 * level (two spaces a level) into one buffer, which Go's tabwriter then aligns. Text passes through
 * cli-runtime's printers.WriteEscaped, which makes terminal escapes visible (`\x1b` → `^[`).
 */
import { tabwrite } from './go-tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export class PrefixWriter {
  private readonly parts: string[] = [];

  /** Write(level, format, ...): the text after `level` indentation steps. */
  write(level: number, text: string): void {
    this.parts.push(escapeTerminal('  '.repeat(level) + text));
  }

  /** WriteLine(a): the text and a newline, with no indentation. */
  writeLine(text: string): void {
    this.parts.push(escapeTerminal(`${text}\n`));
  }

  get text(): string {
    return this.parts.join('');
  }
}

/** tabbedString: runs a describer body and aligns what it wrote. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return tabwrite(w.text);
}
