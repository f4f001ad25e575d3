import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice, Endpoints } from '../types.js';
import { defaulted, errorsOf, messagesOf } from './testing.js';

function slice(change: Partial<EndpointSlice> = {}): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc', namespace: 'default' },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.0.2'] }],
    ports: [{ name: 'http', port: 80 }],
    ...change,
  } as EndpointSlice;
}

describe('EndpointSlice (TestValidateEndpointSlice)', () => {
  it('defaults port name and protocol', () => {
    expect(defaulted(slice({ ports: [{ port: 80 }] })).ports).to.deep.equal([
      { port: 80, name: '', protocol: 'TCP' },
    ]);
  });
  it('accepts a valid slice', () => {
    expect(errorsOf(slice())).to.deep.equal([]);
  });
  const cases: Array<[string, EndpointSlice, string[]]> = [
    ['unsupported address type', slice({ addressType: 'IP' }), ['Unsupported value addressType']],
    ['missing address type', slice({ addressType: '' }), ['Required value addressType']],
    [
      'bad IPv4 address',
      slice({ endpoints: [{ addresses: ['10.244.0'] }] }),
      ['Invalid value endpoints[0].addresses[0]'],
    ],
    [
      'IPv6 address in an IPv4 slice',
      slice({ endpoints: [{ addresses: ['2001:db8::1'] }] }),
      ['Invalid value endpoints[0].addresses[0]'],
    ],
    [
      'loopback address',
      slice({ endpoints: [{ addresses: ['127.0.0.1'] }] }),
      ['Invalid value endpoints[0].addresses[0]'],
    ],
    ['no addresses', slice({ endpoints: [{ addresses: [] }] }), ['Required value endpoints[0].addresses']],
    [
      'bad FQDN',
      slice({ addressType: 'FQDN', endpoints: [{ addresses: ['Not_A_Name'] }] }),
      ['Invalid value endpoints[0].addresses[0]'],
    ],
    [
      'duplicate port names',
      slice({
        ports: [
          { name: 'a', port: 80 },
          { name: 'a', port: 81 },
        ],
      }),
      ['Duplicate value ports[1].name'],
    ],
    [
      'bad port protocol',
      slice({ ports: [{ name: 'a', port: 80, protocol: 'HTTP' }] }),
      ['Unsupported value ports[0].protocol'],
    ],
  ];
  for (const [name, obj, want] of cases)
    it(name, () => {
      expect(errorsOf(obj)).to.deep.equal(want);
    });
  it('says the IPv4 address is invalid', () => {
    expect(messagesOf(slice({ endpoints: [{ addresses: ['abc'] }] }))).to.deep.equal([
      'endpoints[0].addresses[0]: Invalid value: "abc": must be a valid IPv4 address',
    ]);
  });
});

describe('Endpoints (TestValidateEndpointsCreate)', () => {
  const ep = (subsets: unknown): Endpoints =>
    ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets,
    }) as Endpoints;
  it('defaults port protocols and accepts valid subsets', () => {
    const e = ep([{ addresses: [{ ip: '10.244.0.2' }], ports: [{ port: 80 }] }]);
    expect(defaulted(e).subsets![0]!.ports![0]!.protocol).to.equal('TCP');
    expect(errorsOf(e)).to.deep.equal([]);
  });
  const cases: Array<[string, Endpoints, string[]]> = [
    ['empty subset', ep([{}]), ['Required value subsets[0]']],
    [
      'invalid IP',
      ep([{ addresses: [{ ip: '2' }] }]),
      ['Invalid value subsets[0].addresses[0].ip', 'Invalid value subsets[0].addresses[0].ip'],
    ],
    [
      'port names required with several ports',
      ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }, { port: 81, name: 'b' }] }]),
      ['Required value subsets[0].ports[0].name'],
    ],
    [
      'port out of range',
      ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 0 }] }]),
      ['Invalid value subsets[0].ports[0].port'],
    ],
  ];
  for (const [name, obj, want] of cases)
    it(name, () => {
      expect(errorsOf(obj)).to.deep.equal(want);
    });
});
