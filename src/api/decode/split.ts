/**
 * Splits a manifest stream into documents the way kubectl reads it
 * (k8s.io/apimachinery/pkg/util/yaml: YAMLReader over a LineReader): lines are read one at a
 * time with their line ending normalised to "\n"; a line starting with `---` ends the current
 * document, and must be followed by nothing but spaces or a `#` comment, else the stream fails
 * with `invalid Yaml document separator: …`. Separators with nothing before them produce no
 * document. Each document is handed to the YAML parser on its own, so go-yaml's line numbers
 * count from the document's first line.
 */

export interface Chunk {
  /** The document's text, every line ending in "\n". */
  readonly text: string;
  /** 1-based line of the stream where the document's first line is. */
  readonly line: number;
}

export interface SplitResult {
  readonly chunks: Chunk[];
  /** The separator error that stopped the stream, with its 1-based line. */
  readonly error?: { readonly message: string; readonly line: number };
}

/** The lines of a stream as bufio.Reader.ReadLine gives them, without their endings. */
export function streamLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // kubectl's BOMOverride
  const lines = body.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function splitDocuments(text: string): SplitResult {
  const chunks: Chunk[] = [];
  let buffer: string[] = [];
  let start = 1;
  const flush = () => {
    if (buffer.length > 0) chunks.push({ text: buffer.map((l) => `${l}\n`).join(''), line: start });
    buffer = [];
  };
  const lines = streamLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && !trimmed.startsWith('#')) {
        flush();
        return { chunks, error: { message: `invalid Yaml document separator: ${trimmed}`, line: i + 1 } };
      }
      if (buffer.length > 0) {
        flush();
        continue;
      }
    }
    if (buffer.length === 0) start = i + 1;
    buffer.push(line);
  }
  flush();
  return { chunks };
}

/**
 * True when kubectl would read the stream as JSON (GuessJSONStream: the first non-space
 * character within the first 4096 bytes is `{`).
 */
export function looksLikeJSON(text: string): boolean {
  return /^\s*\{/.test(text.slice(0, 4096).replace(/^\uFEFF/, ''));
}
