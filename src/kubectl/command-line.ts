import { KubesimError } from '../core/errors.js';

/**
 * Splits one command line into words as a POSIX shell splits plain words: white space separates;
 * single quotes keep everything literally; double quotes keep white space and let a backslash
 * escape only `$`, `` ` ``, `"`, `\` and a newline (elsewhere the backslash stays); outside quotes a
 * backslash escapes the next character. Quotes group and are removed (`a"b c"d` is one word).
 * Simplified: no variables, globbing, comments or operators (`|`, `;`, `>` are ordinary letters).
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new KubesimError(`unterminated ' quote in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && '$`"\\\n'.includes(line[j + 1] ?? '')) j++;
        word += line[j];
      }
      if (j >= line.length) throw new KubesimError(`unterminated " quote in: ${line}`);
      inWord = true;
      i = j;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
