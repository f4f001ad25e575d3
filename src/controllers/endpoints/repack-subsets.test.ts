import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointAddress, EndpointSubset } from '../../api/types.js';
import { md5Hex, sortByHash, spewEndpointPort, spewEndpointSubset, spewSlicePort } from './go-hash.js';
import { repackSubsets, sortSubsets } from './repack-subsets.js';

const podRef = (uid: string) => ({ uid });
const ip = (address: string, targetRef?: EndpointAddress['targetRef']): EndpointAddress =>
  targetRef ? { ip: address, targetRef } : { ip: address };
const p = (port: number) => ({ port });

// Ported from pkg/api/v1/endpoints/util_test.go TestPackSubsets, with the newer handling of
// subsets without ports (kept under a sentinel port instead of dropped).
describe('repackSubsets (TestPackSubsets)', () => {
  const foo = { name: 'foo' };
  const bar = { name: 'bar' };
  const cases: Array<{ name: string; given: EndpointSubset[]; expect: EndpointSubset[] }> = [
    { name: 'empty everything', given: [{ addresses: [], ports: [] }], expect: [] },
    { name: 'empty addresses', given: [{ addresses: [], ports: [p(111)] }], expect: [] },
    {
      name: 'empty ports keeps the addresses without ports',
      given: [{ addresses: [ip('1.2.3.4')], ports: [] }],
      expect: [{ addresses: [ip('1.2.3.4')] }],
    },
    {
      name: 'empty ports, not ready',
      given: [{ notReadyAddresses: [ip('1.2.3.4')], ports: [] }],
      expect: [{ notReadyAddresses: [ip('1.2.3.4')] }],
    },
    {
      name: 'one set, one ip, one port',
      given: [{ addresses: [ip('1.2.3.4')], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'one set, one notReady ip, one port',
      given: [{ notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] }],
      expect: [{ notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'one set, one ip, one UID, one port',
      given: [{ addresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(111)] }],
    },
    {
      name: 'one set, one ip, empty UID, one port',
      given: [{ addresses: [ip('1.2.3.4', podRef(''))], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4', podRef(''))], ports: [p(111)] }],
    },
    {
      name: 'one set, two ips, one port',
      given: [{ addresses: [ip('1.2.3.4'), ip('5.6.7.8')], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4'), ip('5.6.7.8')], ports: [p(111)] }],
    },
    {
      name: 'one set, two mixed ips, one port',
      given: [{ addresses: [ip('1.2.3.4')], notReadyAddresses: [ip('5.6.7.8')], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4')], notReadyAddresses: [ip('5.6.7.8')], ports: [p(111)] }],
    },
    {
      name: 'one set, two duplicate ips, one port, notReady is covered by ready',
      given: [{ addresses: [ip('1.2.3.4')], notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] }],
      expect: [{ notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'one set, one ip, two ports',
      given: [{ addresses: [ip('1.2.3.4')], ports: [p(111), p(222)] }],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111), p(222)] }],
    },
    {
      name: 'one set, dup ips, one port',
      given: [{ addresses: [ip('1.2.3.4'), ip('1.2.3.4')], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'one set, dup ips with target-refs, one port',
      given: [{ addresses: [ip('1.2.3.4', foo), ip('1.2.3.4', bar)], ports: [p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4', foo)], ports: [p(111)] }],
    },
    {
      name: 'one set, dup mixed ips with target-refs, one port',
      given: [{ addresses: [ip('1.2.3.4', foo)], notReadyAddresses: [ip('1.2.3.4', bar)], ports: [p(111)] }],
      expect: [{ notReadyAddresses: [ip('1.2.3.4', foo)], ports: [p(111)] }],
    },
    {
      name: 'one set, one ip, dup ports',
      given: [{ addresses: [ip('1.2.3.4')], ports: [p(111), p(111)] }],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'two sets, dup ip, dup port',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
      ],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'two sets, dup mixed ip, dup port',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] },
      ],
      expect: [{ notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] }],
    },
    {
      name: 'two sets, dup ip, two ports',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('1.2.3.4')], ports: [p(222)] },
      ],
      expect: [{ addresses: [ip('1.2.3.4')], ports: [p(111), p(222)] }],
    },
    {
      name: 'two sets, dup mixed ip, dup uids, two ports',
      given: [
        { addresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(222)] },
      ],
      expect: [
        { addresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(222)] },
      ],
    },
    {
      name: 'two sets, two ips, dup port',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('5.6.7.8')], ports: [p(111)] },
      ],
      expect: [{ addresses: [ip('1.2.3.4'), ip('5.6.7.8')], ports: [p(111)] }],
    },
    {
      name: 'two set, dup ip, with and without uid, dup ports',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('1.2.3.4', podRef('uid-2'))], ports: [p(111)] },
      ],
      expect: [{ addresses: [ip('1.2.3.4'), ip('1.2.3.4', podRef('uid-2'))], ports: [p(111)] }],
    },
    {
      name: 'two sets, two mixed ips, two dup ip with uid, dup port, wrong order, ends up with split addresses',
      given: [
        { addresses: [ip('5.6.7.8')], ports: [p(111)] },
        { notReadyAddresses: [ip('5.6.7.8', podRef('uid-1'))], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.4', podRef('uid-1'))], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.4')], ports: [p(111)] },
      ],
      expect: [
        {
          addresses: [ip('5.6.7.8')],
          notReadyAddresses: [ip('1.2.3.4'), ip('1.2.3.4', podRef('uid-1')), ip('5.6.7.8', podRef('uid-1'))],
          ports: [p(111)],
        },
      ],
    },
    {
      name: 'two sets, two ips, two ports',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('5.6.7.8')], ports: [p(222)] },
      ],
      expect: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('5.6.7.8')], ports: [p(222)] },
      ],
    },
    {
      name: 'four sets, three ips, three ports, jumbled',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { addresses: [ip('1.2.3.5')], ports: [p(222)] },
        { addresses: [ip('1.2.3.6')], ports: [p(111)] },
        { addresses: [ip('1.2.3.5')], ports: [p(333)] },
      ],
      expect: [
        { addresses: [ip('1.2.3.4'), ip('1.2.3.6')], ports: [p(111)] },
        { addresses: [ip('1.2.3.5')], ports: [p(222), p(333)] },
      ],
    },
    {
      name: 'four sets, three mixed ips, three ports, jumbled',
      given: [
        { addresses: [ip('1.2.3.4')], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.5')], ports: [p(222)] },
        { addresses: [ip('1.2.3.6')], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.5')], ports: [p(333)] },
      ],
      expect: [
        { addresses: [ip('1.2.3.4'), ip('1.2.3.6')], ports: [p(111)] },
        { notReadyAddresses: [ip('1.2.3.5')], ports: [p(222), p(333)] },
      ],
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      expect(repackSubsets(tc.given)).to.deep.equal(sortSubsets(tc.expect));
    });
  }

  it('sorts addresses by IP as bytes, so 10.244.1.10 comes before 10.244.1.2', () => {
    const out = repackSubsets([{ addresses: [ip('10.244.1.2'), ip('10.244.1.10')], ports: [p(80)] }]);
    expect(out[0]!.addresses!.map((a) => a.ip)).to.deep.equal(['10.244.1.10', '10.244.1.2']);
  });
});

describe('Go hash ordering (go-spew %#v + md5)', () => {
  const dns = [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ];

  it('renders a port as spew does', () => {
    expect(spewEndpointPort(dns[0]!)).to.equal(
      '(v1.EndpointPort){Name:(string)dns Port:(int32)53 Protocol:(v1.Protocol)UDP AppProtocol:(*string)<nil>}',
    );
    expect(spewSlicePort({ name: 'http', port: 80, protocol: 'TCP', appProtocol: 'h2c' })).to.equal(
      '(v1.EndpointPort){Name:(*string)http Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)h2c}',
    );
    expect(
      spewEndpointSubset({
        addresses: [
          { ip: '10.0.0.1', nodeName: 'n1', targetRef: { kind: 'Pod', name: 'a', namespace: 'd', uid: 'u' } },
        ],
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
    ).to.equal(
      '(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)[{IP:(string)10.0.0.1 Hostname:(string) NodeName:(*string)n1 ' +
        'TargetRef:(*v1.ObjectReference){Kind:(string)Pod Namespace:(string)d Name:(string)a UID:(types.UID)u ' +
        'APIVersion:(string) ResourceVersion:(string) FieldPath:(string)}}] NotReadyAddresses:([]v1.EndpointAddress)<nil> ' +
        'Ports:([]v1.EndpointPort)[{Name:(string) Port:(int32)80 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}]}',
    );
  });

  it("orders kube-dns's Endpoints ports dns-tcp, dns, metrics as real clusters show", () => {
    const sorted = sortByHash(dns, (x) => md5Hex(spewEndpointPort(x)));
    expect(sorted.map((x) => x.name)).to.deep.equal(['dns-tcp', 'dns', 'metrics']);
  });

  it("orders kube-dns's EndpointSlice ports 9153,53,53 as v1.33 shows", () => {
    const sorted = sortByHash(dns, (x) => md5Hex(spewSlicePort(x)));
    expect(sorted.map((x) => x.port).join(',')).to.equal('9153,53,53');
  });
});
