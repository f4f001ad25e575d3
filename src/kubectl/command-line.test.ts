import { describe, it } from 'node:test';
import { expect } from 'chai';
import { splitCommandLine } from './command-line.js';

describe('splitCommandLine', () => {
  const cases: Array<[string, string[]]> = [
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  kubectl   get\tpods  ', ['kubectl', 'get', 'pods']],
    [
      'kubectl annotate deploy web kubernetes.io/change-cause="bump to 1.25"',
      ['kubectl', 'annotate', 'deploy', 'web', 'kubernetes.io/change-cause=bump to 1.25'],
    ],
    [
      `kubectl exec web -- sh -c 'echo "hi"; exit 3'`,
      ['kubectl', 'exec', 'web', '--', 'sh', '-c', 'echo "hi"; exit 3'],
    ],
    [
      `get pods -o jsonpath='{.items[*].metadata.name}'`,
      ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
    ],
    ['a\\ b', ['a b']],
    ['x "a \\"q\\" b"', ['x', 'a "q" b']],
    ['x "a\\nb"', ['x', 'a\\nb']],
    ['x ""', ['x', '']],
    ['a"b c"d', ['ab cd']],
    ['', []],
  ];
  for (const [line, want] of cases) {
    it(line || '(empty)', () => {
      expect(splitCommandLine(line)).to.deep.equal(want);
    });
  }
  it('rejects unterminated quotes', () => {
    expect(() => splitCommandLine("kubectl get 'pods")).to.throw("unterminated ' quote");
    expect(() => splitCommandLine('kubectl get "pods')).to.throw('unterminated " quote');
  });
});
