import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { catalogFor, type PulledImage } from '../../images/catalog.js';
import { parseImageReference } from '../../images/reference.js';
import {
  ContainerConfigCache,
  PodResources,
  type Prepared,
  podHostname,
  prepareContainer,
  type SetupInputs,
} from './container-setup.js';
import { execInContainer } from './streams.js';
import { podManifest, testbed } from './testbed.js';

const onNode = (name: string, spec: Partial<NonNullable<Pod['spec']>>) =>
  podManifest(name, { nodeName: 'node-1', ...spec });

describe('preparing a container (generateContainerConfig)', () => {
  it('gives the container the kubelet’s environment, hostname and the pod’s emptyDir volumes', () => {
    const bed = testbed();
    bed.create(
      onNode('p', {
        volumes: [{ name: 'shared', emptyDir: {} }],
        containers: [
          {
            name: 'writer',
            image: 'busybox',
            command: ['sh', '-c', 'echo "$(POD_NAME) on $(NODE)" > /out/who; sleep 3600'],
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            ],
            volumeMounts: [{ name: 'shared', mountPath: '/out' }],
          },
          {
            name: 'reader',
            image: 'busybox',
            command: ['sleep', '3600'],
            volumeMounts: [{ name: 'shared', mountPath: '/in', readOnly: true }],
          },
        ],
      }),
    );
    const run = (container: string, argv: string[]) => {
      const r = execInContainer(bed.kubelets[0]!, bed.pod('p')!, container, argv);
      return r.kind === 'done' ? r.outcome : r;
    };
    expect(run('reader', ['cat', '/in/who'])).to.include({ exitCode: 0, stdout: 'p on node-1\n' });
    expect(run('reader', ['hostname'])).to.include({ stdout: 'p\n' });
    expect(run('reader', ['touch', '/in/x'])).to.include({ exitCode: 1 });
  });

  it('reports a command the image does not have as StartError (exit 128) with runc’s message', () => {
    const bed = testbed();
    bed.create(onNode('bad', { containers: [{ name: 'c', image: 'busybox', command: ['nginx'] }] }));
    const status = bed.pod('bad')!.status!.containerStatuses![0]!;
    const terminated = status.lastState?.terminated ?? status.state?.terminated;
    expect(terminated).to.include({ exitCode: 128, reason: 'StartError' });
    expect(terminated?.message).to.equal(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nginx": executable file not found in $PATH: unknown',
    );
    expect(bed.eventsOf('bad').some((e) => e.reason === 'Started')).to.equal(false);
  });

  it('keeps a container whose ConfigMap is missing Waiting with CreateContainerConfigError', () => {
    const bed = testbed();
    bed.create(
      onNode('cfg', {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'x' } } }],
          },
        ],
      }),
    );
    expect(bed.pod('cfg')!.status!.containerStatuses![0]!.state).to.deep.equal({
      waiting: { reason: 'CreateContainerConfigError', message: 'configmap "app" not found' },
    });
    expect(bed.eventsOf('cfg').at(-1)).to.include({
      reason: 'Failed',
      message: 'Error: configmap "app" not found',
    });
  });

  it('reads the termination message from the file, or the log’s tail with FallbackToLogsOnError', () => {
    const bed = testbed();
    bed.create(
      onNode('t', {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'file',
            image: 'busybox',
            command: ['sh', '-c', 'echo "bad config" > /dev/termination-log; exit 3'],
          },
          {
            name: 'logs',
            image: 'busybox',
            terminationMessagePolicy: 'FallbackToLogsOnError',
            command: ['sh', '-c', 'echo one; echo two >&2; exit 1'],
          },
        ],
      }),
    );
    bed.advance(1000);
    const messages = bed.pod('t')!.status!.containerStatuses!.map((s) => s.state?.terminated?.message);
    expect(messages).to.deep.equal(['bad config\n', 'one\ntwo\n']);
  });

  it('names the pod’s host as GeneratePodHostNameAndDomain does', () => {
    const pod = (spec: Partial<NonNullable<Pod['spec']>>, name = 'web-0'): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [], ...spec },
    });
    expect(podHostname(pod({}))).to.equal('web-0');
    expect(podHostname(pod({ hostname: 'db' }))).to.equal('db');
    expect(podHostname(pod({ hostNetwork: true, nodeName: 'node-2' }))).to.equal('node-2');
    expect(podHostname(pod({}, `${'a'.repeat(62)}-b`))).to.equal('a'.repeat(62));
  });
});

describe('ContainerConfigCache', () => {
  const setup = () => {
    const bed = testbed();
    bed.create(
      onNode('p', {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'echo $(GREETING) $(POD); exit 1'],
            env: [
              { name: 'GREETING', value: 'hi' },
              { name: 'POD', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
            ],
          },
        ],
      }),
    );
    const pulled = catalogFor(bed.store).pull(parseImageReference('busybox:1.36'));
    const image = (pulled as { image: PulledImage }).image;
    const resources = new PodResources(
      bed.store,
      {
        namespace: 'default',
        name: 'p',
        hostname: 'p',
        podIP: () => '10.244.0.9',
        listener: () => undefined,
      },
      () => bed.clock.now,
    );
    const inputs = (podIP = '10.244.0.9'): SetupInputs => {
      const pod = bed.pod('p')!;
      return {
        store: bed.store,
        pod,
        container: pod.spec!.containers[0]!,
        image,
        hostIP: '10.0.0.1',
        podIP,
        resources,
        now: () => bed.clock.now,
        seed: 7,
      };
    };
    const ok = (p: Prepared) => p as Extract<Prepared, { ok: true }>;
    return { bed, inputs, ok };
  };

  it('gives every start the same frozen environment and invocation while nothing they depend on changes', () => {
    const { inputs, ok } = setup();
    const cache = new ContainerConfigCache();
    const first = ok(prepareContainer(inputs(), cache));
    const second = ok(prepareContainer(inputs(), cache));
    expect(second.invocation).to.equal(first.invocation);
    expect(second.context.env).to.equal(first.context.env);
    expect(second.context).to.not.equal(first.context);
    expect(Object.isFrozen(first.invocation) && Object.isFrozen(first.context.env)).to.equal(true);
    // The same as without a cache.
    const fresh = ok(prepareContainer(inputs()));
    expect(first.invocation).to.deep.equal(fresh.invocation);
    expect(first.context.env).to.deep.equal(fresh.context.env);
    expect(first.invocation.command).to.deep.equal(['sh', '-c', 'echo hi ; exit 1']);
  });

  it('computes afresh after a Service change, a relabelled pod or another pod IP', () => {
    const { bed, inputs, ok } = setup();
    const cache = new ContainerConfigCache();
    const before = ok(prepareContainer(inputs(), cache));
    bed.store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { clusterIP: '10.96.0.20', ports: [{ port: 80 }] },
    });
    const withService = ok(prepareContainer(inputs(), cache));
    expect(withService.invocation).to.not.equal(before.invocation);
    expect(withService.invocation.env).to.include({ WEB_SERVICE_HOST: '10.96.0.20' });
    expect(before.invocation.env).to.not.have.property('WEB_SERVICE_HOST');

    bed.store.mutate('Pod', 'default', 'p', (p) => {
      p.metadata.labels = { app: 'shop' };
    });
    const relabelled = ok(prepareContainer(inputs(), cache));
    expect(relabelled.invocation.env).to.include({ POD: 'shop' });
    expect(relabelled.invocation.command).to.deep.equal(['sh', '-c', 'echo hi shop; exit 1']);

    const moved = ok(prepareContainer(inputs('10.244.0.10'), cache));
    expect(moved.invocation).to.not.equal(relabelled.invocation);
    expect(ok(prepareContainer(inputs('10.244.0.10'), cache)).invocation).to.equal(moved.invocation);
  });
});
