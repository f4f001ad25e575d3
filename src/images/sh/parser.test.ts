import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Command, SimpleCommand } from './ast.js';
import { parse, parseScript } from './parser.js';

function simple(c: Command | undefined): SimpleCommand {
  if (c?.kind !== 'simple') throw new Error(`expected a simple command, got ${c?.kind}`);
  return c;
}

describe('parser: syntax errors in ash’s words', () => {
  const table: Array<[string, string]> = [
    ['fi', 'syntax error: unexpected "fi"'],
    ['if true; then fi', 'syntax error: unexpected "fi"'],
    ['if true; then echo', 'syntax error: unexpected end of file (expecting "fi")'],
    ['if true\nthen echo\nelse', 'syntax error: unexpected end of file (expecting "fi")'],
    ['while true do done', 'syntax error: unexpected end of file (expecting "do")'],
    ['until false; do :', 'syntax error: unexpected end of file (expecting "done")'],
    ['for x in a b\necho', 'syntax error: unexpected word (expecting "do")'],
    ['case x in a) echo', 'syntax error: unexpected end of file (expecting ";;")'],
    ['case x a) ;; esac', 'syntax error: unexpected word (expecting "in")'],
    ['{ echo', 'syntax error: unexpected end of file (expecting "}")'],
    ['( echo', 'syntax error: unexpected end of file (expecting ")")'],
    [')', 'syntax error: unexpected ")"'],
    ['echo a ; ;', 'syntax error: unexpected ";"'],
    ['| cat', 'syntax error: unexpected "|"'],
    ['echo a && && echo b', 'syntax error: unexpected "&&"'],
    ['echo >\n', 'syntax error: unexpected newline'],
    ['echo "abc', 'syntax error: unterminated quoted string'],
    ["echo 'abc", 'syntax error: unterminated quoted string'],
    ['echo ${', 'syntax error: bad substitution'],
    ['for 9 in x; do :; done', 'syntax error: bad for loop variable'],
    ['exit() { :; }', 'syntax error: bad function name'],
    ['done', 'syntax error: unexpected "done"'],
  ];
  for (const [src, message] of table) {
    it(JSON.stringify(src), () => {
      expect(parseScript(src).error).to.equal(message);
    });
  }
});

describe('parser: trees', () => {
  it('splits a script into top-level lines, as ash runs them', () => {
    const s = parseScript('echo a; echo b\nwhile true\ndo\n  sleep 1\ndone\necho c');
    expect(s.chunks.map((c) => c.kind)).to.deep.equal(['list', 'loop', 'simple']);
    expect(s.error).to.equal(undefined);
  });

  it('keeps the lines before a syntax error', () => {
    const s = parseScript('echo ok\necho bad; fi');
    expect(s.chunks).to.have.length(1);
    expect(s.error).to.equal('syntax error: unexpected "fi"');
  });

  it('reads assignments, words and redirections', () => {
    const c = simple(parse('A=1 B=$x echo hi >/tmp/o 2>&1'));
    expect(c.assigns.map((a) => a.name)).to.deep.equal(['A', 'B']);
    expect(c.words.map((w) => w.literal)).to.deep.equal(['echo', 'hi']);
    expect(c.redirs.map((r) => [r.fd, r.op, r.target.text])).to.deep.equal([
      [1, '>', '/tmp/o'],
      [2, '>&', '1'],
    ]);
  });

  it('marks words without expansions as literal (the fast path)', () => {
    const c = simple(parse('sleep 10 "a b" $x *.log'));
    expect(c.words.map((w) => w.literal)).to.deep.equal(['sleep', '10', 'a b', undefined, undefined]);
  });

  it('recognises keywords only in command position', () => {
    const c = simple(parse('echo if then fi'));
    expect(c.words.map((w) => w.text)).to.deep.equal(['echo', 'if', 'then', 'fi']);
  });

  it('parses background jobs, pipelines and negation', () => {
    const l = parse('sleep 1 & ! a | b');
    expect(l?.kind).to.equal('list');
    if (l?.kind !== 'list') return;
    expect(l.items.map((i) => i.background)).to.deep.equal([true, false]);
    expect(l.items[1]!.command).to.deep.include({ kind: 'pipeline', negate: true });
  });

  it('reads here-document bodies after the line', () => {
    const c = simple(parse('cat <<EOF\nline $x\nEOF\n'));
    expect(c.redirs[0]!.op).to.equal('<<');
    expect(c.redirs[0]!.target.parts.map((p) => p.t)).to.deep.equal(['lit', 'param', 'lit']);
  });

  it('keeps && inside [[ ]] as words', () => {
    const c = simple(parse('[[ -n a && -n b ]]'));
    expect(c.words.map((w) => w.text)).to.deep.equal(['[[', '-n', 'a', '&&', '-n', 'b', ']]']);
  });

  it('counts sh -c lines from 0', () => {
    const s = parseScript('true\n\nfalse');
    expect(s.chunks.map((c) => simple(c).line)).to.deep.equal([0, 2]);
  });
});
