/** What a Service looks like: its IP, node port and endpoints (STEPS.md "Services and traffic"). */
import { expect } from 'chai';
import type { Service } from '../src/index.js';
import { defineSteps } from './support/define.js';
import {
  type EndpointAddress,
  endpointAddresses,
  formatAddresses,
  getDeployment,
  getService,
  readyPodsOf,
  sliceCounts,
} from './support/objects.js';
import { type ObjectRef, showRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

defineSteps(['(the )service {ref} should have a cluster IP'], function (ref: ObjectRef) {
  const ip = getService(this.cluster, ref).spec?.clusterIP;
  expect(ip, `spec.clusterIP of service ${showRef(ref)}`).to.match(/^\d+\.\d+\.\d+\.\d+$|:/);
});

function nodePorts(svc: Service): number[] {
  return (svc.spec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => p !== undefined);
}

defineSteps(['(the )service {ref} should have node port {int}'], function (ref: ObjectRef, port: number) {
  const svc = getService(this.cluster, ref);
  expect(nodePorts(svc), `the node ports of service ${showRef(ref)} (type ${svc.spec?.type})`).to.include(
    port,
  );
});

defineSteps(
  ['the node port of (the )service {ref} should be between {int} and {int}'],
  function (ref: ObjectRef, low: number, high: number) {
    const svc = getService(this.cluster, ref);
    const ports = nodePorts(svc);
    if (ports.length === 0) expect.fail(`service ${showRef(ref)} (type ${svc.spec?.type}) has no node port`);
    for (const port of ports)
      expect(port, `the node port of service ${showRef(ref)}`).to.be.within(low, high);
  },
);

/**
 * The ready or not-ready addresses of a Service's Endpoints object; for a Service with a
 * selector, its EndpointSlices must count the same (the two controllers agree in Kubernetes).
 */
function endpointsOf(world: KubesimWorld, ref: ObjectRef, which: 'ready' | 'notReady'): EndpointAddress[] {
  const svc = getService(world.cluster, ref);
  const ep = world.cluster.store.get('Endpoints', ref.namespace, ref.name);
  const addresses = endpointAddresses(ep)[which];
  if (svc.spec?.selector) {
    const slices = sliceCounts(world.cluster, svc);
    expect(
      slices[which],
      `${which === 'ready' ? 'ready' : 'not-ready'} endpoints of service ${showRef(ref)} in its ${slices.slices} ` +
        `EndpointSlice(s), which should agree with its Endpoints (${formatAddresses(addresses)})`,
    ).to.equal(addresses.length);
  }
  return addresses;
}

// "N endpoints" are the ready ones: the addresses `kubectl get endpoints` shows.
defineSteps(
  ['(the )service {ref} should have {int} (ready )endpoint(s)'],
  function (ref: ObjectRef, count: number) {
    const ready = endpointsOf(this, ref, 'ready');
    expect(ready.length, `ready endpoints of service ${showRef(ref)}: ${formatAddresses(ready)}`).to.equal(
      count,
    );
  },
);

defineSteps(
  ['(the )service {ref} should have {int} not-ready endpoint(s)'],
  function (ref: ObjectRef, count: number) {
    const notReady = endpointsOf(this, ref, 'notReady');
    expect(
      notReady.length,
      `not-ready endpoints of service ${showRef(ref)}: ${formatAddresses(notReady)}`,
    ).to.equal(count);
  },
);

defineSteps(
  ['the endpoints of (the )service {ref} should be the ready pods of (the )deployment {ref}'],
  function (svcRef: ObjectRef, deployRef: ObjectRef) {
    const ready = endpointsOf(this, svcRef, 'ready');
    const pods = readyPodsOf(this.cluster, getDeployment(this.cluster, deployRef));
    const show = (list: EndpointAddress[]) => list.map((a) => `${a.pod ?? '?'} ${a.ip}`).sort();
    expect(
      show(ready),
      `the ready endpoints of service ${showRef(svcRef)} against the ready pods of deployment ${showRef(deployRef)}`,
    ).to.deep.equal(show(pods.map((p) => ({ ip: p.status?.podIP ?? '(no IP)', pod: p.metadata.name }))));
  },
);
