import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster } from '../testing.js';

describe('kubectl top without metrics-server (outputs of kubectl v1.33)', () => {
  const cases: Array<[string, string]> = [
    ['top pod', 'error: Metrics API not available\n'],
    ['top pods -A', 'error: Metrics API not available\n'],
    ['top po --containers --sum --no-headers', 'error: Metrics API not available\n'],
    ['top pod nope', 'error: Metrics API not available\n'],
    ['top node', 'error: Metrics API not available\n'],
    ['top no node-1', 'error: Metrics API not available\n'],
    ['top foo', 'error: unknown command "foo"\nSee \'kubectl top -h\' for help and examples\n'],
    ['top pod a b', "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"],
    ['top node a b', "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"],
    ['top pod x -l a=b', 'error: only one of NAME or selector can be provided\n'],
    ['top pod x --field-selector=a=b', 'error: only one of NAME or selector can be provided\n'],
    ['top node x -l a=b', 'error: only one of NAME or --selector can be provided\n'],
    [
      'top node --containers',
      "error: unknown flag: --containers\nSee 'kubectl top node --help' for usage.\n",
    ],
    ['top pod --sort-by=foo', 'error: --sort-by accepts only cpu or memory\n'],
    ['top node --sort-by=x', 'error: --sort-by accepts only cpu or memory\n'],
    ['top pod -l app=nginx,', "error: found '', expected: identifier after ','\n"],
    ['top pod --field-selector=foo', "error: invalid selector: 'foo'; can't understand 'foo'\n"],
  ];
  for (const [line, stderr] of cases) {
    it(line, () => {
      const r = new TestCluster().run(line);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.equal(stderr);
      expect(r.exitCode).to.equal(1);
    });
  }

  it('prints its help on stderr without a subcommand', () => {
    const r = new TestCluster().run('top');
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.match(/^Display resource \(CPU\/memory\) usage\.\n/);
    expect(r.stderr).to.contain(
      'Available Commands:\n  node          Display resource (CPU/memory) usage of nodes\n',
    );
  });
});
