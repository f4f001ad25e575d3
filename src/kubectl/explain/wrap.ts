/**
 * The text functions of kubectl explain's template (k8s.io/kubectl/pkg/explain/v2/funcs.go):
 * `wrap` (github.com/mitchellh/go-wordwrap v1.0.1 WrapString behind term.NewWordWrapWriter) and
 * `indent`.
 */

const NBSP = 0xa0;

/** Go's unicode.IsSpace. */
function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === NBSP;
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/**
 * go-wordwrap's WrapString: breaks at white space so lines stay within `lim` runes where the
 * words allow (a word longer than the limit gets a line of its own); spaces at a break are
 * dropped; existing newlines are kept.
 */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const char of s) {
    const cp = char.codePointAt(0)!;
    if (char === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else buf += space;
      } else {
        buf += space + word;
      }
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      buf += char;
      current = 0;
    } else if (isSpace(cp) && cp !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += char;
      spaceLen++;
    } else {
      word += char;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/**
 * The template's `wrap`. kubectl v1.33 keeps the description's own line breaks (a later kubectl
 * removes them first, kubernetes/kubernetes#126533; v1.33.1's output shows they are kept).
 */
export function wrap(lim: number, s: string): string {
  return wrapString(s, lim);
}

/** The template's `indent`: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}
