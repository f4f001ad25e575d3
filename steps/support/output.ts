/**
 * How `the output should be:` compares text: kubectl pads table cells with spaces, and a doc
 * string cannot show trailing blanks, so white space at the end of each line and blank lines at
 * the end of the text do not count.
 */
export function normalizeOutput(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Text indented by two spaces under a heading, for failure messages. */
export function indent(text: string, prefix = '  '): string {
  if (text === '') return `${prefix}(empty)`;
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
