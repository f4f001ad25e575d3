import type { Controller, ControllerContext } from '../controllers/context.js';
import { DeploymentController } from '../controllers/deployment/controller.js';
import { EndpointsController } from '../controllers/endpoints/endpoints-controller.js';
import { EndpointSliceController } from '../controllers/endpoints/endpointslice-controller.js';
import { Kubelet } from '../controllers/kubelet/kubelet.js';
import {
  heartbeatsOf,
  NodeLifecycleController,
  TaintEvictionController,
} from '../controllers/node-lifecycle/index.js';
import { ReplicaSetController } from '../controllers/replicaset/controller.js';
import { Scheduler } from '../controllers/scheduler/scheduler.js';
import { SimClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { setShellNetwork } from '../images/container-network.js';
import { Network } from '../network/network.js';
import { shellNetwork } from '../network/shell-client.js';
import { EventRecorder } from '../sim/events.js';
import { SimLoop } from '../sim/loop.js';
import { Store } from '../store/store.js';
import { bootstrap } from './bootstrap.js';
import { type ClusterSettings, defaultSettings } from './settings.js';

/**
 * One simulated cluster: the clock, the seed, the store and every controller and node. This is
 * the composition root: the only place that knows all the controllers.
 */
export class Cluster {
  readonly settings: ClusterSettings;
  readonly clock = new SimClock();
  readonly loop: SimLoop;
  readonly random: Random;
  readonly store: Store;
  readonly events: EventRecorder;
  readonly kubelets = new Map<string, Kubelet>();
  readonly network: Network;
  private readonly controllers: Controller[] = [];

  constructor(settings: Partial<ClusterSettings> = {}) {
    this.settings = defaultSettings(settings);
    this.random = new Random(this.settings.seed);
    this.loop = new SimLoop(this.clock);
    this.store = new Store(this.clock, this.random.fork('store'));
    this.events = new EventRecorder(this.store, this.clock);
    bootstrap(this.store, this.random.fork('bootstrap'), this.settings);

    this.controllers.push(
      new ReplicaSetController(this.context('replicaset-controller')),
      new DeploymentController(this.context('deployment-controller')),
      new Scheduler(this.context('default-scheduler')),
      new EndpointsController(this.context('endpoint-controller')),
      new EndpointSliceController(this.context('endpointslice-controller')),
      new NodeLifecycleController(this.context('node-controller'), heartbeatsOf(this.kubelets)),
      new TaintEvictionController(this.context('taint-eviction-controller')),
    );
    for (const node of this.settings.nodes) {
      const kubelet = new Kubelet(this.context(`kubelet/${node.name}`), node.name);
      this.kubelets.set(node.name, kubelet);
      this.controllers.push(kubelet);
    }
    this.network = new Network({ ...this, random: this.random.fork('network') });
    // Containers' wget, nc and nslookup go through the cluster's DNS and kube-proxy.
    setShellNetwork(this.store, (ns, pod) => shellNetwork(this.network, { pod, namespace: ns }));
    for (const c of this.controllers) c.start();
    this.settle();
  }

  /** Simulated milliseconds since the scenario began. */
  get now(): number {
    return this.clock.now;
  }

  /** Runs everything due at the current instant. */
  settle(): void {
    this.loop.settle();
  }

  /** Lets `ms` of simulated time pass. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  /** Advances until `done()` holds or `limitMs` passes; true if it held. */
  advanceUntil(done: () => boolean, limitMs: number): boolean {
    return this.loop.runUntilTrue(done, limitMs);
  }

  private context(name: string): ControllerContext {
    return {
      store: this.store,
      clock: this.clock,
      loop: this.loop,
      random: this.random.fork(name),
      events: this.events,
      settings: this.settings,
    };
  }
}
