import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FlagSet } from './flags.js';

const set = new FlagSet([
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'duration' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
]);

describe('FlagSet (pflag semantics)', () => {
  it('reads every spelling of a value', () => {
    for (const argv of [['-n', 'x'], ['-nx'], ['-n=x'], ['--namespace', 'x'], ['--namespace=x']]) {
      expect(set.parse(argv).string('namespace'), argv.join(' ')).to.equal('x');
    }
  });
  it('keeps positional arguments in order between flags, and everything after --', () => {
    const f = set.parse(['get', '-o', 'wide', 'pods', '--', '-n', 'x']);
    expect(f.args).to.deep.equal(['get', 'pods', '-n', 'x']);
    expect(f.afterDash).to.equal(2);
    expect(f.string('output')).to.equal('wide');
  });
  it('groups boolean shorthands and reads booleans with =', () => {
    const f = set.parse(['-Aw', '--wait=false']);
    expect([f.bool('all-namespaces'), f.bool('watch'), f.bool('wait')]).to.deep.equal([true, true, false]);
    expect(set.parse(['-Aon']).string('output')).to.equal('n');
  });
  it('repeats and splits string slices', () => {
    expect(set.parse(['-f', 'a.yaml,b.yaml', '-f', 'c.yaml']).strings('filename')).to.deep.equal([
      'a.yaml',
      'b.yaml',
      'c.yaml',
    ]);
  });
  it('gives defaults, no-value defaults and durations', () => {
    expect(set.parse([]).int('replicas')).to.equal(-1);
    expect(set.parse(['--dry-run']).string('dry-run')).to.equal('unchanged');
    expect(set.parse(['--timeout=1m30s']).duration('timeout')).to.equal(90_000);
    expect(set.parse(['--replicas', '3']).has('replicas')).to.equal(true);
  });
  it("fails with pflag's messages", () => {
    const fails: Array<[string[], string]> = [
      [['--foo'], 'unknown flag: --foo'],
      [['-x'], "unknown shorthand flag: 'x' in -x"],
      [['-Ax'], "unknown shorthand flag: 'x' in -Ax"],
      [['--namespace'], 'flag needs an argument: --namespace'],
      [['-n'], "flag needs an argument: 'n' in -n"],
      [
        ['--replicas=1.5'],
        'invalid argument "1.5" for "--replicas" flag: strconv.ParseInt: parsing "1.5": invalid syntax',
      ],
      [
        ['--wait=maybe'],
        'invalid argument "maybe" for "--wait" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
      ],
      [['--timeout=30'], 'invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"'],
      [['--timeout=soon'], 'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'],
    ];
    for (const [argv, message] of fails) expect(() => set.parse(argv), argv.join(' ')).to.throw(message);
  });
});
