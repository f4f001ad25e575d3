import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Endpoint, EndpointSlice, Service } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { describeService } from './service.js';

type Case = {
  name: string;
  spec: Service['spec'];
  status?: Service['status'];
  slices: Array<{ name: string; endpoints: Endpoint[]; protocol: string }>;
  expected: string[];
};

const lb = (targetPort: number | string): NonNullable<Service['spec']> => ({
  type: 'LoadBalancer',
  ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort, nodePort: 31111 }],
  selector: { blah: 'heh' },
  clusterIP: '1.2.3.4',
  ipFamilies: ['IPv4'],
  loadBalancerIP: '5.6.7.8',
  sessionAffinity: 'None',
  externalTrafficPolicy: 'Local',
  healthCheckNodePort: 32222,
});
const ready = (ip: string, r?: boolean): Endpoint => ({
  addresses: [ip],
  conditions: r === undefined ? {} : { ready: r },
});

// TestDescribeService (describe_test.go): the whole output of each case, literally.
const CASES: Case[] = [
  {
    name: 'test1',
    spec: { ...lb(9527), internalTrafficPolicy: 'Cluster', trafficDistribution: 'PreferClose' },
    status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } },
    slices: [
      {
        name: 'bar-abcde',
        protocol: 'TCP',
        endpoints: [ready('10.244.0.1', true), ready('10.244.0.2', true), ready('10.244.0.3', true)],
      },
    ],
    expected: [
      'Name:                     bar',
      'Namespace:                foo',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 blah=heh',
      'Type:                     LoadBalancer',
      'IP Families:              IPv4',
      'IP:                       1.2.3.4',
      'IPs:                      <none>',
      'Desired LoadBalancer IP:  5.6.7.8',
      'LoadBalancer Ingress:     5.6.7.8 (VIP)',
      'Port:                     port-tcp  8080/TCP',
      'TargetPort:               9527/TCP',
      'NodePort:                 port-tcp  31111/TCP',
      'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
      'Session Affinity:         None',
      'External Traffic Policy:  Local',
      'Internal Traffic Policy:  Cluster',
      'HealthCheck NodePort:     32222',
      'Traffic Distribution:     PreferClose',
      'Events:                   <none>',
    ],
  },
  {
    name: 'test2',
    spec: { ...lb('targetPort'), internalTrafficPolicy: 'Local' },
    status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } },
    slices: [
      {
        name: 'bar-12345',
        protocol: 'UDP',
        endpoints: [ready('10.244.0.1', true), ready('10.244.0.2', true)],
      },
      {
        name: 'bar-54321',
        protocol: 'UDP',
        endpoints: [ready('10.244.0.3', false), ready('10.244.0.4', true), ready('10.244.0.5', true)],
      },
    ],
    expected: [
      'Name:                     bar',
      'Namespace:                foo',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 blah=heh',
      'Type:                     LoadBalancer',
      'IP Families:              IPv4',
      'IP:                       1.2.3.4',
      'IPs:                      <none>',
      'Desired LoadBalancer IP:  5.6.7.8',
      'LoadBalancer Ingress:     5.6.7.8',
      'Port:                     port-tcp  8080/TCP',
      'TargetPort:               targetPort/TCP',
      'NodePort:                 port-tcp  31111/TCP',
      'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...',
      'Session Affinity:         None',
      'External Traffic Policy:  Local',
      'Internal Traffic Policy:  Local',
      'HealthCheck NodePort:     32222',
      'Events:                   <none>',
    ],
  },
  {
    name: 'test-ready-field-empty',
    spec: { ...lb(9527), internalTrafficPolicy: 'Cluster' },
    slices: [{ name: 'bar-abcdef', protocol: 'TCP', endpoints: [ready('10.244.0.1')] }],
    expected: [
      'Name:                     bar',
      'Namespace:                foo',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 blah=heh',
      'Type:                     LoadBalancer',
      'IP Families:              IPv4',
      'IP:                       1.2.3.4',
      'IPs:                      <none>',
      'Desired LoadBalancer IP:  5.6.7.8',
      'Port:                     port-tcp  8080/TCP',
      'TargetPort:               9527/TCP',
      'NodePort:                 port-tcp  31111/TCP',
      'Endpoints:                10.244.0.1:9527',
      'Session Affinity:         None',
      'External Traffic Policy:  Local',
      'Internal Traffic Policy:  Cluster',
      'HealthCheck NodePort:     32222',
      'Events:                   <none>',
    ],
  },
  {
    name: 'test-ServiceIPFamily',
    spec: lb('targetPort'),
    slices: [{ name: 'bar-123ab', protocol: 'TCP', endpoints: [ready('10.244.0.1', true)] }],
    expected: [
      'Name:                     bar',
      'Namespace:                foo',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 blah=heh',
      'Type:                     LoadBalancer',
      'IP Families:              IPv4',
      'IP:                       1.2.3.4',
      'IPs:                      <none>',
      'Desired LoadBalancer IP:  5.6.7.8',
      'Port:                     port-tcp  8080/TCP',
      'TargetPort:               targetPort/TCP',
      'NodePort:                 port-tcp  31111/TCP',
      'Endpoints:                10.244.0.1:9527',
      'Session Affinity:         None',
      'External Traffic Policy:  Local',
      'HealthCheck NodePort:     32222',
      'Events:                   <none>',
    ],
  },
  {
    name: 'test-ServiceIPFamilyPolicy+ClusterIPs',
    spec: { ...lb('targetPort'), ipFamilyPolicy: 'SingleStack', clusterIPs: ['1.2.3.4'] },
    slices: [],
    expected: [
      'Name:                     bar',
      'Namespace:                foo',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 blah=heh',
      'Type:                     LoadBalancer',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       1.2.3.4',
      'IPs:                      1.2.3.4',
      'Desired LoadBalancer IP:  5.6.7.8',
      'Port:                     port-tcp  8080/TCP',
      'TargetPort:               targetPort/TCP',
      'NodePort:                 port-tcp  31111/TCP',
      'Endpoints:                <none>',
      'Session Affinity:         None',
      'External Traffic Policy:  Local',
      'HealthCheck NodePort:     32222',
      'Events:                   <none>',
    ],
  },
];

describe('describe service', () => {
  for (const tc of CASES) {
    it(`prints ${tc.name} as TestDescribeService expects`, () => {
      const c = new TestCluster(['default', 'foo']);
      for (const s of tc.slices) {
        c.create<EndpointSlice>({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { name: s.name, namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } },
          addressType: 'IPv4',
          endpoints: s.endpoints,
          ports: [{ name: 'port-tcp', port: 9527, protocol: s.protocol }],
        });
      }
      const svc = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'bar', namespace: 'foo' },
        spec: tc.spec,
        ...(tc.status ? { status: tc.status } : {}),
      } as Service;
      expect(describeService(svc, { store: c.store, now: c.now, showEvents: true })).to.equal(
        `${tc.expected.join('\n')}\n`,
      );
    });
  }

  it('prints a ClusterIP service with an unnamed port as kubectl does', () => {
    const c = new TestCluster();
    c.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x7k2p', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [ready('10.244.0.5', true), ready('10.244.1.3', true), ready('10.244.1.4', false)],
      ports: [{ name: '', port: 9376, protocol: 'TCP' }],
    });
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }],
        clusterIP: '10.96.143.7',
        clusterIPs: ['10.96.143.7'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    } as Service;
    expect(describeService(svc, { store: c.store, now: c.now, showEvents: true })).to.equal(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.143.7',
        'IPs:                      10.96.143.7',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               9376/TCP',
        'Endpoints:                10.244.0.5:9376,10.244.1.3:9376',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });
});
