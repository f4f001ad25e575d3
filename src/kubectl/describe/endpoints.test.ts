import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice, Endpoints } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { describeEndpointSlice, describeEndpoints } from './endpoints.js';

describe('describe endpoints and endpoint slices', () => {
  // TestDescribeEndpointSlice "EndpointSlices v1" (describe_test.go), literally.
  it('prints an EndpointSlice as TestDescribeEndpointSlice expects', () => {
    const c = new TestCluster();
    const eps = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'foo.123', namespace: 'bar' },
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['1.2.3.4', '1.2.3.5'],
          conditions: { ready: true },
          targetRef: { kind: 'Pod', name: 'test-123' },
          zone: 'us-central1-a',
          nodeName: 'node-1',
        },
        {
          addresses: ['1.2.3.6', '1.2.3.7'],
          conditions: { ready: true },
          targetRef: { kind: 'Pod', name: 'test-124' },
          nodeName: 'node-2',
        },
      ],
      ports: [{ protocol: 'TCP', port: 80 }],
    } as EndpointSlice;
    expect(describeEndpointSlice(eps, { store: c.store, now: c.now, showEvents: true })).to.equal(
      `Name:         foo.123
Namespace:    bar
Labels:       <none>
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  1.2.3.4, 1.2.3.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-123
    NodeName:   node-1
    Zone:       us-central1-a
  - Addresses:  1.2.3.6, 1.2.3.7
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-124
    NodeName:   node-2
    Zone:       <unset>
Events:         <none>
`,
    );
  });

  it('prints Endpoints subsets with a blank line after each', () => {
    const c = new TestCluster();
    const ep = c.create<Endpoints>({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      subsets: [
        {
          addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.1.3' }],
          notReadyAddresses: [{ ip: '10.244.1.4' }],
          ports: [{ port: 9376, protocol: 'TCP' }],
        },
      ],
    });
    expect(describeEndpoints(ep, { store: c.store, now: c.now, showEvents: true })).to.equal(
      `Name:         web
Namespace:    default
Labels:       app=web
Annotations:  <none>
Subsets:
  Addresses:          10.244.0.5,10.244.1.3
  NotReadyAddresses:  10.244.1.4
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  9376  TCP

Events:  <none>
`,
    );
  });
});
