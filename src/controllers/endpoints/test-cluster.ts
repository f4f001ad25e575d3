import type { Container, Pod, Service } from '../../api/types.js';
import { defaultNode, defaultSettings } from '../../cluster/settings.js';
import { SimClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { EventRecorder } from '../../sim/events.js';
import { SimLoop } from '../../sim/loop.js';
import { bootstrapServices, serviceAdmission } from '../../store/allocators/services.js';
import { Store } from '../../store/store.js';
import { timestampOf } from '../../store/time.js';
import type { ControllerContext } from '../context.js';
import { nodeObject } from '../kubelet/node-object.js';
import { EndpointsController } from './endpoints-controller.js';
import { EndpointSliceController } from './endpointslice-controller.js';

/**
 * Test support, not used by the simulator: a store with the Service admission, two nodes, the
 * bootstrap Services and both endpoint controllers on a SimLoop, and pods whose status the
 * test writes directly (no scheduler or kubelet).
 */
export interface TestCluster {
  store: Store;
  clock: SimClock;
  loop: SimLoop;
  /** Pod name → the IP its status reports (10.244.0.2 upward). */
  ips: Map<string, string>;
}

export function testCluster(seed = 1): TestCluster {
  const clock = new SimClock();
  const random = new Random(seed);
  const store = new Store(clock, random.fork('store'));
  for (const name of ['default', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  store.addAdmission(serviceAdmission(random.fork('services')));
  ['node-1', 'node-2'].forEach((name, i) => {
    store.create(nodeObject(defaultNode(name), i));
  });
  bootstrapServices(store);
  const loop = new SimLoop(clock);
  const events = new EventRecorder(store, clock);
  const context = (name: string): ControllerContext => ({
    store,
    clock,
    loop,
    random: random.fork(name),
    events,
    settings: defaultSettings(),
  });
  new EndpointsController(context('endpoint-controller')).start();
  new EndpointSliceController(context('endpointslice-controller')).start();
  loop.settle();
  return { store, clock, loop, ips: new Map() };
}

export function service(name: string, spec: Service['spec'] = {}, namespace = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: {
      selector: { app: name },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      ...spec,
    },
  };
}

export interface PodOptions {
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  ready?: boolean;
  namespace?: string;
  containers?: Container[];
}

/** Creates a pod bound to a node and writes a Running status with the given readiness. */
export function runningPod(c: TestCluster, name: string, opts: PodOptions = {}): Pod {
  const namespace = opts.namespace ?? 'default';
  c.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: opts.labels ?? { app: 'web' } },
    spec: {
      nodeName: opts.node ?? 'node-1',
      containers: opts.containers ?? [
        { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] },
      ],
    },
  });
  return setReady(c, name, opts.ready ?? true, opts.ip ?? ipFor(c, name), namespace);
}

/** Writes the pod's status: Running, its IP, and Ready True/False transitioned now. */
export function setReady(
  c: TestCluster,
  name: string,
  ready: boolean,
  ip?: string,
  namespace = 'default',
): Pod {
  return c.store.mutateStatus('Pod', namespace, name, (p) => {
    const podIP = ip ?? p.status?.podIP ?? ipFor(c, name);
    p.status = {
      ...(p.status ?? {}),
      phase: 'Running',
      podIP,
      podIPs: [{ ip: podIP }],
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: timestampOf(c.clock.now) },
      ],
    };
  });
}

function ipFor(c: TestCluster, name: string): string {
  let ip = c.ips.get(name);
  if (!ip) {
    const n = c.ips.size;
    ip = `10.244.${Math.floor(n / 250)}.${(n % 250) + 2}`;
    c.ips.set(name, ip);
  }
  return ip;
}
