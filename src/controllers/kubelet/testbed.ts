/**
 * A small cluster for unit tests of the kubelet and the scheduler: a real Store, SimClock,
 * SimLoop and EventRecorder, Node objects from nodeObject, one Kubelet per node, and whatever
 * other controllers a test adds. (The Cluster composition root builds the full set.)
 */
import type { KubeObject, Pod } from '../../api/types.js';
import { type ClusterSettings, defaultNode, defaultSettings, type NodeSpec } from '../../cluster/settings.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { EventRecorder } from '../../sim/events.js';
import { SimLoop } from '../../sim/loop.js';
import { Store } from '../../store/store.js';
import type { Controller, ControllerContext } from '../context.js';
import { Kubelet } from './kubelet.js';
import { nodeObject } from './node-object.js';

export interface LoggedEvent {
  readonly at: number;
  readonly object: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly source: string;
}

export interface Testbed {
  readonly store: Store;
  readonly clock: SimClock;
  readonly loop: SimLoop;
  readonly kubelets: Kubelet[];
  /** Every event occurrence, in order (an aggregated repeat is logged again). */
  readonly events: LoggedEvent[];
  pod(name: string, namespace?: string): Pod | undefined;
  create(pod: Pod): Pod;
  eventsOf(name: string): LoggedEvent[];
  advance(ms: number): void;
}

export function testbed(
  options: {
    nodes?: NodeSpec[];
    settings?: Partial<ClusterSettings>;
    controllers?: Array<(ctx: ControllerContext) => Controller>;
  } = {},
): Testbed {
  const nodes = options.nodes ?? [defaultNode('node-1'), defaultNode('node-2'), defaultNode('node-3')];
  const settings = defaultSettings({ ...options.settings, nodes });
  const clock = new SimClock();
  const loop = new SimLoop(clock);
  const random = new Random(settings.seed);
  const store = new Store(clock, random.fork('store'));
  const recorder = new EventRecorder(store, clock);
  for (const name of ['default', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  nodes.forEach((spec, i) => {
    store.create(nodeObject(spec, i));
  });
  const events: LoggedEvent[] = [];
  store.watch('Event', (e) => {
    if (e.type === 'DELETED') return;
    const ev = e.object;
    events.push({
      at: clock.now,
      object: ev.involvedObject.name ?? '',
      type: ev.type ?? '',
      reason: ev.reason ?? '',
      message: ev.message ?? '',
      source: ev.source?.component ?? '',
    });
  });
  const ctx = (name: string): ControllerContext => ({
    store,
    clock,
    loop,
    random: random.fork(name),
    events: recorder,
    settings,
  });
  const controllers: Controller[] = (options.controllers ?? []).map((make, i) =>
    make(ctx(`controller-${i}`)),
  );
  const kubelets = nodes.map((n) => new Kubelet(ctx(`kubelet/${n.name}`), n.name));
  for (const c of [...controllers, ...kubelets]) c.start();
  loop.settle();
  return {
    store,
    clock,
    loop,
    kubelets,
    events,
    pod: (name, namespace = 'default') => store.get('Pod', namespace, name),
    create: (pod) => {
      const created = store.create(pod as Pod & KubeObject);
      loop.settle();
      return created;
    },
    eventsOf: (name) => events.filter((e) => e.object === name),
    advance: (ms) => loop.advance(ms),
  };
}

/** A pod manifest: one container per image (named after the image's repository), default namespace. */
export function podManifest(name: string, spec: Partial<NonNullable<Pod['spec']>> & { image?: string }): Pod {
  const { image, ...rest } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      containers: image ? [{ name: containerName(image), image }] : [],
      ...rest,
    } as NonNullable<Pod['spec']>,
  };
}

function containerName(image: string): string {
  const last = image.split('/').pop()!;
  return last.split(/[:@]/)[0]!;
}
