import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clone } from '../../core/clone.js';
import type { Service } from '../types.js';
import { defaulted, errorsOf, messagesOf, updateErrorsOf } from './testing.js';

function svc(spec: Record<string, unknown> = {}, name = 'web'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  } as Service;
}

describe('Service defaults (SetDefaults_Service)', () => {
  it('fills type, affinity, protocol, targetPort and the traffic policies', () => {
    const s = defaulted(svc()).spec!;
    expect(s).to.deep.include({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect(s.ports).to.deep.equal([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(s.externalTrafficPolicy).to.equal(undefined);
  });
  it('gives NodePort and LoadBalancer services an external policy, and LoadBalancers node ports', () => {
    expect(defaulted(svc({ type: 'NodePort' })).spec!.externalTrafficPolicy).to.equal('Cluster');
    const lb = defaulted(svc({ type: 'LoadBalancer' })).spec!;
    expect(lb.externalTrafficPolicy).to.equal('Cluster');
    expect(lb.allocateLoadBalancerNodePorts).to.equal(true);
  });
  it('defaults ClientIP affinity to 10800 s', () => {
    expect(defaulted(svc({ sessionAffinity: 'ClientIP' })).spec!.sessionAffinityConfig).to.deep.equal({
      clientIP: { timeoutSeconds: 10800 },
    });
  });
  it('leaves ExternalName services without IP families', () => {
    const s = defaulted(svc({ type: 'ExternalName', externalName: 'db.example.com', ports: [] })).spec!;
    expect(s.ipFamilies).to.equal(undefined);
    expect(s.internalTrafficPolicy).to.equal(undefined);
  });
  it('is idempotent', () => {
    const once = defaulted(svc({ type: 'NodePort', clusterIP: '10.96.0.5' }));
    expect(defaulted(once)).to.deep.equal(once);
    expect(once.spec!.clusterIPs).to.deep.equal(['10.96.0.5']);
  });
});

describe('Service validation (TestValidateServiceCreate)', () => {
  it('accepts a valid service', () => {
    expect(errorsOf(svc())).to.deep.equal([]);
  });
  const cases: Array<[string, Service, string[]]> = [
    ['invalid name (DNS-1035 label)', svc({}, '1abc'), ['Invalid value metadata.name']],
    ['dotted name', svc({}, 'a.b'), ['Invalid value metadata.name']],
    ['missing ports', svc({ ports: [] }), ['Required value spec.ports']],
    ['headless without ports is fine', svc({ ports: [], clusterIP: 'None' }), []],
    [
      'empty port[1] name',
      svc({ ports: [{ port: 80, name: 'a' }, { port: 81 }] }),
      ['Required value spec.ports[1].name'],
    ],
    [
      'invalid port name',
      svc({ ports: [{ port: 80, name: 'INVALID' }] }),
      ['Invalid value spec.ports[0].name'],
    ],
    [
      'dup port name',
      svc({
        ports: [
          { port: 80, name: 'p' },
          { port: 81, name: 'p' },
        ],
      }),
      ['Duplicate value spec.ports[1].name'],
    ],
    [
      'invalid protocol',
      svc({ ports: [{ port: 80, protocol: 'INVALID' }] }),
      ['Unsupported value spec.ports[0].protocol'],
    ],
    ['missing port', svc({ ports: [{ port: 0, targetPort: 80 }] }), ['Invalid value spec.ports[0].port']],
    [
      'invalid port',
      svc({ ports: [{ port: 65536 }] }),
      ['Invalid value spec.ports[0].port', 'Invalid value spec.ports[0].targetPort'],
    ],
    [
      'invalid targetPort name',
      svc({ ports: [{ port: 80, targetPort: 'WEB' }] }),
      ['Invalid value spec.ports[0].targetPort', 'Invalid value spec.ports[0].targetPort'],
    ],
    [
      'dup ports',
      svc({
        ports: [
          { port: 80, name: 'a' },
          { port: 80, name: 'b' },
        ],
      }),
      ['Duplicate value spec.ports[1]'],
    ],
    [
      'dup ports with different protocols is fine',
      svc({
        ports: [
          { port: 53, name: 'a' },
          { port: 53, name: 'b', protocol: 'UDP' },
        ],
      }),
      [],
    ],
    ['invalid cluster ip', svc({ clusterIP: 'invalid' }), ['Invalid value spec.clusterIPs[0]']],
    [
      'nodePort with ClusterIP',
      svc({ ports: [{ port: 80, nodePort: 30080 }] }),
      ['Forbidden spec.ports[0].nodePort'],
    ],
    [
      'dup nodePorts',
      svc({
        type: 'NodePort',
        ports: [
          { port: 80, name: 'a', nodePort: 30080 },
          { port: 81, name: 'b', nodePort: 30080 },
        ],
      }),
      ['Duplicate value spec.ports[1].nodePort'],
    ],
    ['invalid type', svc({ type: 'Fancy' }), ['Unsupported value spec.type']],
    ['headless NodePort', svc({ type: 'NodePort', clusterIP: 'None' }), ['Invalid value spec.clusterIPs[0]']],
    [
      'ExternalName needs a name',
      svc({ type: 'ExternalName', ports: [] }),
      ['Required value spec.externalName'],
    ],
    [
      'ExternalName must be a DNS name',
      svc({ type: 'ExternalName', externalName: '-bad-', ports: [] }),
      ['Invalid value spec.externalName'],
    ],
    ['invalid selector label value', svc({ selector: { app: 'a b' } }), ['Invalid value spec.selector']],
    [
      'invalid session affinity',
      svc({ sessionAffinity: 'Sticky' }),
      ['Unsupported value spec.sessionAffinity'],
    ],
    [
      'external traffic policy on ClusterIP',
      svc({ externalTrafficPolicy: 'Local' }),
      ['Invalid value spec.externalTrafficPolicy'],
    ],
    [
      'healthCheckNodePort on a NodePort service',
      svc({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }),
      ['Invalid value spec.healthCheckNodePort'],
    ],
    [
      'healthCheckNodePort on a LoadBalancer with Cluster policy',
      svc({ type: 'LoadBalancer', healthCheckNodePort: 30100 }),
      ['Invalid value spec.healthCheckNodePort'],
    ],
    [
      'LoadBalancer with Local policy needs a healthCheckNodePort',
      svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }),
      ['Required value spec.healthCheckNodePort'],
    ],
    [
      'healthCheckNodePort out of range',
      svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 70000 }),
      ['Invalid value spec.healthCheckNodePort'],
    ],
    [
      'LoadBalancer with Local policy and a healthCheckNodePort',
      svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }),
      [],
    ],
    ['internal traffic policy Local', svc({ internalTrafficPolicy: 'Local' }), []],
  ];
  for (const [name, obj, want] of cases)
    it(name, () => {
      expect(errorsOf(obj)).to.deep.equal(want);
    });

  it('prints the messages', () => {
    expect(messagesOf(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).to.deep.equal([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(messagesOf(svc({ clusterIP: '10.96.0.500' }))).to.deep.equal([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.500": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(messagesOf(svc({ type: 'NodePort', healthCheckNodePort: 30100 }))).to.deep.equal([
      "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ]);
    expect(messagesOf(svc({ type: 'LoadBalacer' }))).to.deep.equal([
      'spec.type: Unsupported value: "LoadBalacer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
});

describe('Service update (ValidateServiceUpdate)', () => {
  it('keeps an allocated ClusterIP', () => {
    const old = svc({ clusterIP: '10.96.0.5' });
    const next = clone(defaulted(old));
    next.spec!.clusterIP = '10.96.0.6';
    next.spec!.clusterIPs = ['10.96.0.6'];
    expect(updateErrorsOf(next, old)).to.deep.equal([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set',
    ]);
  });
  it('allows a port change', () => {
    const old = svc({ clusterIP: '10.96.0.5' });
    const next = clone(defaulted(old));
    next.spec!.ports = [{ port: 8080, protocol: 'TCP', targetPort: 8080 }];
    expect(updateErrorsOf(next, old)).to.deep.equal([]);
  });
});
