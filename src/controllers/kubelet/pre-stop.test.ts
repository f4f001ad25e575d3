import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { SimClock } from '../../core/clock.js';
import { ImageCatalog } from '../../images/catalog.js';
import { imageRootFs } from '../../images/image-fs.js';
import { SimProcess } from '../../images/process.js';
import { parseImageReference } from '../../images/reference.js';
import type { HookTarget } from './lifecycle-hooks.js';
import { runPreStopHook } from './pre-stop.js';
import type { Reach } from './probe-http.js';

const catalog = new ImageCatalog();

/** A running busybox container with the given preStop hook, and what the node reaches. */
function target(
  preStop: NonNullable<NonNullable<Container['lifecycle']>['preStop']>,
  reach?: Reach,
): HookTarget {
  const clock = new SimClock();
  const pulled = catalog.pull(parseImageReference('busybox:1.36'));
  if (!pulled.ok) throw new Error(pulled.message);
  const invocation = { name: 'foo', command: ['sh', '-c', 'sleep 3600'] };
  const behaviour = pulled.image.behaviour(invocation);
  const process = new SimProcess({
    clock,
    behaviour,
    invocation,
    label: 'test',
    context: {
      env: [],
      hostname: 'bar',
      fs: () => imageRootFs(behaviour, { hostname: 'bar', now: () => 0 }),
    },
  }).start();
  return {
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'default' } } as Pod,
    container: { name: 'foo', image: 'busybox', lifecycle: { preStop } },
    instance: {
      id: 'f'.repeat(64),
      name: 'foo',
      restartCount: 0,
      image: 'busybox',
      imageID: '',
      createdAt: 0,
      state: 'running',
      startedAt: 0,
      process,
    },
    podIP: '10.244.0.5',
    reach: reach ?? (() => undefined),
  };
}

// kuberuntime_container_test.go testLifeCycleHook, the preStop cases, with executePreStopHook's timing.
describe('runPreStopHook (executePreStopHook)', () => {
  it('PreStop-CMDExec: the exec hook runs in the container', () => {
    const t = target({ exec: { command: ['sh', '-c', 'echo bye > /tmp/prestop'] } });
    expect(runPreStopHook(t, 30)).to.deep.equal({ elapsedMs: 0, elapsedSeconds: 0, failed: false });
    expect(t.instance.process!.exec(['cat', '/tmp/prestop']).stdout).to.equal('bye\n');
  });

  it('PreStop-HTTPGet: the request goes to the action’s host', () => {
    const hosts: string[] = [];
    const reach: Reach = (hostname) => {
      hosts.push(hostname);
      return { httpGet: () => ({ kind: 'response', status: 200, body: '' }) };
    };
    const t = target({ httpGet: { host: 'testHost.com', path: '/GracefulExit', port: 80 } }, reach);
    expect(runPreStopHook(t, 30)?.failed).to.equal(false);
    expect(hosts).to.deep.equal(['testHost.com']);
  });

  it('PreStop-NoTimeToRun: with a grace period of 0 the hook does not run', () => {
    let requests = 0;
    const reach: Reach = () => {
      requests++;
      return undefined;
    };
    const t = target({ httpGet: { host: 'testHost.com', path: '/GracefulExit', port: 80 } }, reach);
    expect(runPreStopHook(t, 0)).to.equal(undefined);
    expect(requests).to.equal(0);
  });

  it('takes the hook’s time, truncated to whole seconds, at most the grace period', () => {
    expect(runPreStopHook(target({ exec: { command: ['sh', '-c', 'sleep 2.5'] } }), 30)).to.deep.equal({
      elapsedMs: 2500,
      elapsedSeconds: 2,
      failed: false,
    });
    expect(runPreStopHook(target({ sleep: { seconds: 40 } }), 30)).to.deep.equal({
      elapsedMs: 30_000,
      elapsedSeconds: 30,
      failed: false,
    });
  });

  it('fails (FailedPreStopHook) when the exec fails or outlasts the grace period, or nothing answers', () => {
    expect(runPreStopHook(target({ exec: { command: ['sh', '-c', 'exit 1'] } }), 30)?.failed).to.equal(true);
    expect(runPreStopHook(target({ exec: { command: ['sh', '-c', 'sleep 60'] } }), 30)).to.deep.equal({
      elapsedMs: 30_000,
      elapsedSeconds: 30,
      failed: true,
    });
    expect(runPreStopHook(target({ httpGet: { path: '/quit', port: 8080 } }), 30)?.failed).to.equal(true);
  });

  it('an HTTP answer of any status passes (the kubelet’s client checks none)', () => {
    const reach: Reach = () => ({ httpGet: () => ({ kind: 'response', status: 503, body: '' }) });
    expect(runPreStopHook(target({ httpGet: { path: '/quit', port: 8080 } }, reach), 30)?.failed).to.equal(
      false,
    );
  });
});
