import { describe, it } from 'node:test';
import { expect } from 'chai';
import { indent, normalizeOutput } from './output.js';

describe('normalizeOutput', () => {
  const cases: Array<[string, string, string]> = [
    ['trailing spaces on each line', 'NAME   READY   \nweb    1/1   \n', 'NAME   READY\nweb    1/1'],
    ['trailing blank lines', 'a\n\n\n', 'a'],
    ['blank lines inside are kept', 'a\n\nb\n', 'a\n\nb'],
    ['leading white space is kept', '  a\n', '  a'],
    ['CRLF line ends', 'a \r\nb\r\n', 'a\nb'],
    ['lines of only spaces at the end', 'a\n   \n\t\n', 'a'],
    ['empty text', '', ''],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => {
      expect(normalizeOutput(input)).to.equal(want);
    });
  }

  it('makes kubectl output equal to a doc string of the same table', () => {
    const kubectl = 'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s\n';
    const docString = 'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s';
    expect(normalizeOutput(kubectl)).to.equal(normalizeOutput(docString));
  });
});

describe('indent', () => {
  it('indents every line and drops one final newline', () => {
    expect(indent('a\nb\n')).to.equal('  a\n  b');
  });
  it('shows empty text as (empty)', () => {
    expect(indent('')).to.equal('  (empty)');
  });
});
