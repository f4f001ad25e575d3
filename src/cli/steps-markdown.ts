/**
 * Reads the canonical step phrases out of STEPS.md: the first cell of every table row holds
 * one or more phrases in backticks, separated by ` / `. A `<table>` or `<docstring>` marker
 * belongs to the phrase before it; `… rest` continues the phrase before it (see `continuePhrase`).
 */
export function parseStepsMarkdown(markdown: string): string[] {
  const phrases: string[] = [];
  for (const line of markdown.split('\n')) {
    const cell = firstCell(line);
    if (cell === undefined) continue;
    let previous: string | undefined;
    for (const [, code] of cell.matchAll(/`([^`]+)`/g)) {
      const text = code!.trim();
      if (text === '<table>' || text === '<docstring>') continue;
      const phrase = text.startsWith('…') && previous ? continuePhrase(previous, text) : text;
      if (!phrases.includes(phrase)) phrases.push(phrase);
      previous = phrase;
    }
  }
  return phrases;
}

/** The first cell of a Markdown table row, or undefined for other lines and separator rows. */
function firstCell(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || /^\|[\s:|-]+\|?$/.test(trimmed)) return undefined;
  // Cells are split on unescaped pipes; a `\|` stays inside its cell.
  const cells = trimmed.slice(1).split(/(?<!\\)\|/);
  return cells[0];
}

/**
 * `… is in phase PHASE` after `I wait until pod "NAME" is ready` means
 * `I wait until pod "NAME" is in phase PHASE`: the continuation replaces the first phrase from
 * the last place where the continuation's first word occurs.
 */
export function continuePhrase(previous: string, continuation: string): string {
  const rest = continuation.replace(/^…\s*/, '');
  const firstWord = rest.split(/\s+/)[0] ?? '';
  const words = previous.split(' ');
  const at = words.lastIndexOf(firstWord);
  if (at < 0) return `${previous} ${rest}`;
  return [...words.slice(0, at), rest].join(' ');
}
