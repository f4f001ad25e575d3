import { describe, it } from 'node:test';
import { expect } from 'chai';
import { GoTabWriter, tabwrite } from './go-tabwriter.js';

/** Writes `src` all at once, one character at a time, and in growing slices, as check() does. */
function check(minwidth: number, padding: number, padchar: string, src: string): string[] {
  const outputs: string[] = [];
  const options = { minwidth, padding, padchar, rememberWidths: false };
  const whole = new GoTabWriter(options);
  whole.write(src);
  whole.flush();
  outputs.push(whole.take());
  const bytes = new GoTabWriter(options);
  for (const ch of src) bytes.write(ch);
  bytes.flush();
  outputs.push(bytes.take());
  const fib = new GoTabWriter(options);
  for (let i = 0, d = 0; i < src.length; ) {
    fib.write(src.slice(i, i + d));
    i += d;
    d++;
    if (i + d > src.length) d = src.length - i;
  }
  fib.flush();
  outputs.push(fib.take());
  return outputs;
}

describe('GoTabWriter (liggitt/tabwriter tabwriter_test.go, the flags kubectl uses)', () => {
  // [name, minwidth, padding, padchar, src, expected]; tabwidth does not matter without tab padding.
  const tests: Array<[string, number, number, string, string, string]> = [
    ['1a', 8, 1, '.', '', ''],
    ['2', 8, 1, '.', '\n\n\n', '\n\n\n'],
    ['3', 8, 1, '.', 'a\nb\nc', 'a\nb\nc'],
    ['4a', 8, 1, '.', '\t', ''],
    ['5', 8, 1, '.', '*\t*', '*.......*'],
    ['5b', 8, 1, '.', '*\t*\n', '*.......*\n'],
    ['5c', 8, 1, '.', '*\t*\t', '*.......*'],
    ['6', 8, 1, '.', '\t\n', '........\n'],
    ['7a', 8, 1, '.', 'a) foo', 'a) foo'],
    ['7b', 8, 1, ' ', 'b) foo\tbar', 'b) foo  bar'],
    ['7c', 8, 1, '.', 'c) foo\tbar\t', 'c) foo..bar'],
    ['7d', 8, 1, '.', 'd) foo\tbar\n', 'd) foo..bar\n'],
    ['7e', 8, 1, '.', 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
    ['8', 8, 1, '*', 'Hello, world!\n', 'Hello, world!\n'],
    ['9a', 1, 0, '.', '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
    ['9c', 1, 0, '.', '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
    ['10a', 5, 0, '.', '1\t2\t3\t4\n', '1....2....3....4\n'],
    ['10b', 5, 0, '.', '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
    [
      '11',
      8,
      1,
      '.',
      '本\tb\tc\naa\t\u672c\u672c\u672c\tcccc\tddddd\naaa\tbbbb\n',
      '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
    ],
    ['12b', 2, 0, ' ', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
    [
      '12c',
      8,
      1,
      '_',
      'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
      'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
    ],
    [
      '13a',
      4,
      1,
      '-',
      '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
    ],
    [
      '13b',
      4,
      3,
      '.',
      '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
      '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
    ],
    ['15a', 4, 0, '.', 'a\t\tb', 'a.......b'],
  ];
  for (const [name, minwidth, padding, padchar, src, expected] of tests) {
    it(name, () => {
      for (const out of check(minwidth, padding, padchar, src)) expect(out).to.equal(expected);
    });
  }

  it('remembers column widths across flushes (TestMultiWrite)', () => {
    const w = new GoTabWriter({ minwidth: 6, padding: 3, padchar: ' ', rememberWidths: true });
    let out = '';
    const write = (s: string) => {
      w.write(s);
      w.flush();
      out += w.take();
    };
    w.write('First\tMiddle\tLast\n');
    w.write('a\tbb\tccc\n');
    write('ddd\teeeeeeeeeeeeee\tf\n');
    expect(out).to.equal(
      'First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n',
    );
    write('g\th\ti\n');
    write('j\t\t\n');
    write('\tk\t\n');
    write('\t\tl\n');
    write('mmmmmmmmmmmmmmm\tnnn\tooo\n');
    expect(out.split('\n').slice(3)).to.deep.equal([
      'g       h                i',
      'j                        ',
      '        k                ',
      '                         l',
      'mmmmmmmmmmmmmmm   nnn              ooo',
      '',
    ]);
    const next = new GoTabWriter().setRememberedWidths(w.rememberedWidths());
    next.write('p\tq\tr\n');
    next.flush();
    expect(next.take()).to.equal('p                 q                r\n');
    expect(next.rememberedWidths()).to.deep.equal([18, 17]);
    next.setRememberedWidths([]);
    next.write('sssss\tt\tu\n');
    next.flush();
    expect(next.take()).to.equal('sssss   t     u\n');
    expect(next.rememberedWidths()).to.deep.equal([8, 6]);
    next.setRememberedWidths([10, 5, 5]);
    next.write('v\tw\tx\n');
    next.flush();
    expect(next.take()).to.equal('v         w     x\n');
  });

  it('flushes at a line of one cell, so cells with newlines break the columns (kubectl v1.33)', () => {
    // A cell holding a newline ends its line; the rest of the cell starts a line of its own.
    expect(tabwrite('A\tB\nlong-value-with\nnewline\tb\n')).to.equal(
      'A     B\nlong-value-with\nnewline   b\n',
    );
  });
});
