import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { containerLogs, execInContainer, validateContainerLogStatus } from './streams.js';
import { podManifest, testbed } from './testbed.js';

const onNode = (name: string, spec: Partial<NonNullable<Pod['spec']>>) =>
  podManifest(name, { nodeName: 'node-1', ...spec });

const texts = (result: ReturnType<typeof containerLogs>) =>
  'lines' in result ? result.lines.map((l) => `${l.at / 1000} ${l.text}`) : result.error;

describe('the kubelet’s logs and exec', () => {
  it('keeps the log of the current and the previous instance', () => {
    const bed = testbed();
    bed.create(
      onNode('crash', {
        containers: [
          { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo start; sleep 5; echo bye >&2; exit 1'] },
        ],
      }),
    );
    const kubelet = bed.kubelets[0]!;
    bed.advance(6000);
    expect(texts(containerLogs(kubelet, bed.pod('crash')!, 'c', false))).to.deep.equal(['5 start']);
    expect(texts(containerLogs(kubelet, bed.pod('crash')!, 'c', true))).to.deep.equal(['0 start', '5 bye']);
  });

  it('says what a container without a log waits for (validateContainerLogStatus)', () => {
    const pod = (state: object, lastState: object = {}): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: { containerStatuses: [{ name: 'c', state, lastState } as never] },
    });
    const table: ReadonlyArray<[Pod, boolean, object]> = [
      [
        pod({ waiting: { reason: 'ContainerCreating' } }),
        false,
        { error: 'container "c" in pod "p" is waiting to start: ContainerCreating' },
      ],
      [
        pod({ waiting: { reason: 'ErrImagePull' } }),
        false,
        { error: `container "c" in pod "p" is waiting to start: image can't be pulled` },
      ],
      [
        pod({ waiting: { reason: 'ImagePullBackOff' } }),
        false,
        { error: 'container "c" in pod "p" is waiting to start: trying and failing to pull image' },
      ],
      [pod({ running: {} }), true, { error: 'previous terminated container "c" in pod "p" not found' }],
      [
        pod({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated: { containerID: 'containerd://abc' } }),
        false,
        { containerID: 'containerd://abc' },
      ],
      [pod({}), false, { error: 'container "c" in pod "p" is waiting to start - no logs yet' }],
    ];
    for (const [p, previous, expected] of table)
      expect(validateContainerLogStatus(p, 'c', previous)).to.deep.equal(expected);
    expect(validateContainerLogStatus(pod({}), 'x', false)).to.deep.equal({
      error: 'container "x" in pod "p" is not available',
    });
  });

  it('runs a command in a running container, and finds no container that is not running', () => {
    const bed = testbed({ settings: { imagePullMs: 5000 } });
    bed.create(
      onNode('sh', {
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi > /tmp/x; sleep 3600'] }],
      }),
    );
    const kubelet = bed.kubelets[0]!;
    expect(execInContainer(kubelet, bed.pod('sh')!, 'c', ['cat', '/tmp/x'])).to.deep.equal({
      kind: 'not-found',
      message: 'container not found ("c")',
    });
    bed.advance(5000);
    const done = execInContainer(kubelet, bed.pod('sh')!, 'c', ['cat', '/tmp/x']);
    expect(done.kind === 'done' && done.outcome).to.include({ exitCode: 0, stdout: 'hi\n' });
    const failing = execInContainer(kubelet, bed.pod('sh')!, 'c', ['sh', '-c', 'exit 4']);
    expect(failing.kind === 'done' && failing.outcome).to.include({ exitCode: 4 });
    expect(execInContainer(kubelet, bed.pod('sh')!, 'c', ['bash']).kind).to.equal('failed');
  });

  it('reports runc’s error for a program an image does not have', () => {
    const bed = testbed();
    bed.create(onNode('px', { containers: [{ name: 'c', image: 'registry.k8s.io/goproxy:0.1' }] }));
    const result = execInContainer(bed.kubelets[0]!, bed.pod('px')!, 'c', ['ps']);
    expect(result.kind).to.equal('failed');
    expect(result.kind === 'failed' && result.message).to.match(
      /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown$/,
    );
  });
});

describe('exec probes', () => {
  const probed = (command: string[], timeoutSeconds?: number) =>
    onNode('p', {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'sleep 3600'],
          env: [{ name: 'TARGET', value: '/tmp/missing' }],
          livenessProbe: {
            exec: { command },
            periodSeconds: 10,
            failureThreshold: 5,
            ...(timeoutSeconds ? { timeoutSeconds } : {}),
          },
        },
      ],
    });
  const unhealthy = (bed: ReturnType<typeof testbed>) =>
    bed
      .eventsOf('p')
      .filter((e) => e.reason === 'Unhealthy')
      .map((e) => e.message);

  it('fails with stdout then stderr as the event text, with $(VAR) from the literal env', () => {
    const bed = testbed();
    bed.create(probed(['sh', '-c', 'echo out; echo err >&2; echo more; cat $(TARGET)']));
    bed.advance(10_000);
    expect(unhealthy(bed)).to.deep.equal([
      "Liveness probe failed: out\nmore\nerr\ncat: can't open '/tmp/missing': No such file or directory\n",
    ]);
  });

  it('fails with `command "…" timed out` past timeoutSeconds', () => {
    const bed = testbed();
    bed.create(probed(['sleep', '5'], 2));
    // The tick at 10 s (the container was not yet running at 0 s); ExecSync gives up 2 s later.
    bed.advance(11_999);
    expect(unhealthy(bed)).to.deep.equal([]);
    bed.advance(1);
    expect(unhealthy(bed)).to.deep.equal(['Liveness probe failed: command "sleep 5" timed out']);
  });

  it('reports a command the runtime cannot start as an error, which does not count', () => {
    const bed = testbed();
    bed.create(probed(['no-such-check']));
    bed.advance(60_000);
    const messages = unhealthy(bed);
    expect(messages).to.have.length(6);
    expect(messages[0]).to.match(
      /^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "no-such-check": executable file not found in \$PATH: unknown$/,
    );
    expect(bed.pod('p')!.status!.containerStatuses![0]!.restartCount).to.equal(0);
  });
});
