import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Cluster } from '../cluster/cluster.js';
import type { ClusterView, CommandResult, KubectlOptions } from '../kubectl/index.js';
import type { CliIo } from './io.js';
import { runManifests } from './run-command.js';
import { UsageError } from './usage-error.js';

function captureIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    cwd: '/work/user',
    env: {},
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    stdoutStream: new PassThrough(),
    stderrStream: new PassThrough(),
    readStdin: () => stdin,
  };
  return io;
}

interface Call {
  argv: readonly string[];
  opts: KubectlOptions;
  at: number;
}

/** A stand-in for the kubectl entry point: `apply` records an event per file, `get` prints a table. */
function fakeKubectl(calls: Call[], rejects = new Set<string>()) {
  return (view: ClusterView, argv: readonly string[], opts: KubectlOptions = {}): CommandResult => {
    // runManifests hands kubectl its real Cluster, whose recorder the stand-in uses.
    const cluster = view as Cluster;
    calls.push({ argv, opts, at: cluster.now });
    if (argv[0] === 'apply') {
      const file = argv[2]!;
      if (rejects.has(file)) return { stdout: '', stderr: `error: bad manifest ${file}\n`, exitCode: 1 };
      const node = cluster.store.get('Node', undefined, 'node-1')!;
      cluster.events.record(node, 'Normal', 'Applied', `applied ${opts.resolvePath?.(file) ?? file}`, {
        component: 'test',
      });
      return { stdout: `configmap/${file} created\n`, stderr: '', exitCode: 0 };
    }
    return { stdout: `NAME   READY\nweb    1/1   (at ${cluster.now} ms)\n`, stderr: '', exitCode: 0 };
  };
}

describe('runManifests', () => {
  it('applies each file at time 0, advances, prints the events and the final state', () => {
    const calls: Call[] = [];
    const io = captureIo();
    const status = runManifests({ filename: ['a.yaml', 'b.yaml'], for: '2m' }, io, fakeKubectl(calls));
    expect(status).to.equal(0);
    expect(calls.map((c) => [c.argv.join(' '), c.at])).to.deep.equal([
      ['apply -f a.yaml', 0],
      ['apply -f b.yaml', 0],
      ['get deployments,replicasets,pods,services -o wide', 120_000],
    ]);
    expect(calls[0]!.opts.resolvePath?.('a.yaml')).to.equal('/work/user/a.yaml');
    expect(io.out).to.equal(
      'configmap/a.yaml created\n' +
        'configmap/b.yaml created\n' +
        '\nEvents (simulated time since the cluster started):\n' +
        '[   0.000s] Normal  Applied  node/node-1  applied /work/user/a.yaml\n' +
        '[   0.000s] Normal  Applied  node/node-1  applied /work/user/b.yaml\n' +
        '\nState after 2m0s:\n' +
        'NAME   READY\nweb    1/1   (at 120000 ms)\n',
    );
  });

  it('reads standard input once for -f -', () => {
    const calls: Call[] = [];
    runManifests({ filename: ['-'], for: '1m' }, captureIo('kind: Pod\n'), fakeKubectl(calls));
    expect(calls[0]!.opts.stdin).to.equal('kind: Pod\n');
  });

  it("stops with status 1 and kubectl's error at the first rejected manifest", () => {
    const calls: Call[] = [];
    const io = captureIo();
    const status = runManifests(
      { filename: ['bad.yaml', 'b.yaml'], for: '1m' },
      io,
      fakeKubectl(calls, new Set(['bad.yaml'])),
    );
    expect(status).to.equal(1);
    expect(io.err).to.equal('error: bad manifest bad.yaml\n');
    expect(calls).to.have.length(1);
  });

  it('uses the seed and node count it is given', () => {
    let seen: Cluster | undefined;
    const spy = (cluster: ClusterView) => {
      seen = cluster as Cluster;
      return { stdout: '', stderr: '', exitCode: 0 };
    };
    runManifests({ filename: ['a.yaml'], for: '1s', seed: '42', nodes: '5' }, captureIo(), spy);
    expect(seen!.settings.seed).to.equal(42);
    expect(seen!.settings.nodes.map((n) => n.name)).to.deep.equal([
      'node-1',
      'node-2',
      'node-3',
      'node-4',
      'node-5',
    ]);
  });

  const bad: Array<[string, Parameters<typeof runManifests>[0], RegExp]> = [
    ['a bad duration', { filename: ['a.yaml'], for: '2x' }, /--for: invalid duration "2x"/],
    ['a bad seed', { filename: ['a.yaml'], for: '1m', seed: 'abc' }, /--seed must be a whole number/],
    ['zero nodes', { filename: ['a.yaml'], for: '1m', nodes: '0' }, /--nodes must be from 1 to 5000/],
    ['no file', { filename: [], for: '1m' }, /at least one manifest/],
  ];
  for (const [what, opts, message] of bad) {
    it(`rejects ${what} as a usage error`, () => {
      expect(() => runManifests(opts, captureIo(), fakeKubectl([]))).to.throw(UsageError, message);
    });
  }
});
