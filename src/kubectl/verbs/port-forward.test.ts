import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ContainerPort, Pod, Service, ServicePort } from '../../api/types.js';
import type { Cluster } from '../../cluster/cluster.js';
import { deployment, pod, service, setUp, trafficCluster } from '../../network/testing.js';
import { splitCommandLine } from '../command-line.js';
import { kubectl } from '../index.js';
import {
  checkUDPPortInPod,
  checkUDPPortInService,
  convertPodNamedPortToNumber,
  translateServicePortToTargetPort,
} from './port-forward.js';

const svcWith = (ports: ServicePort[], clusterIP?: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'svc' },
  spec: { ports, ...(clusterIP ? { clusterIP } : {}) },
});
const podWith = (ports: ContainerPort[]): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'pod' },
  spec: { containers: [{ name: 'c', ports }] },
});

describe('translateServicePortToTargetPort (portforward_test.go)', () => {
  const http8080 = podWith([{ name: 'http', containerPort: 8080 }]);
  const cases: Array<[string, Service, Pod, string[], string[] | 'error']> = [
    ['int port', svcWith([{ port: 80, targetPort: 8080 }]), http8080, ['80'], ['80:8080']],
    [
      'int port with random local port',
      svcWith([{ port: 80, targetPort: 8080 }]),
      http8080,
      [':80'],
      [':8080'],
    ],
    [
      'int port with explicit local port',
      svcWith([{ port: 8080, targetPort: 8080 }]),
      http8080,
      ['8000:8080'],
      ['8000:8080'],
    ],
    ['clusterIP: None', svcWith([{ port: 80, targetPort: 8080 }], 'None'), http8080, ['80'], ['80']],
    [
      'clusterIP: None with random local port',
      svcWith([{ port: 80, targetPort: 8080 }], 'None'),
      http8080,
      [':80'],
      [':80'],
    ],
    [
      'named target port',
      svcWith([
        { port: 80, targetPort: 'http' },
        { port: 443, targetPort: 'https' },
      ]),
      podWith([
        { name: 'http', containerPort: 8080 },
        { name: 'https', containerPort: 8443 },
      ]),
      ['80', '443'],
      ['80:8080', '443:8443'],
    ],
    [
      'named target port with random local port',
      svcWith([
        { port: 80, targetPort: 'http' },
        { port: 443, targetPort: 'https' },
      ]),
      podWith([
        { name: 'http', containerPort: 8080 },
        { name: 'https', containerPort: 8443 },
      ]),
      [':80', ':443'],
      [':8080', ':8443'],
    ],
    [
      'named service port',
      svcWith([
        { port: 80, name: 'http', targetPort: 8080 },
        { port: 443, name: 'https', targetPort: 8443 },
      ]),
      podWith([{ containerPort: 8080 }, { containerPort: 8443 }]),
      ['http', 'https'],
      ['80:8080', '443:8443'],
    ],
    [
      'named service port with random local port',
      svcWith([
        { port: 80, name: 'http', targetPort: 8080 },
        { port: 443, name: 'https', targetPort: 8443 },
      ]),
      podWith([{ containerPort: 8080 }, { containerPort: 8443 }]),
      [':http', ':https'],
      [':8080', ':8443'],
    ],
    [
      'named service port and named pod container port',
      svcWith([{ port: 80, name: 'http', targetPort: 'http' }]),
      podWith([{ name: 'http', containerPort: 80 }]),
      ['http'],
      ['80'],
    ],
    [
      'targetPort omitted',
      svcWith([{ port: 80 }]),
      podWith([{ name: 'http', containerPort: 80 }]),
      ['80'],
      ['80'],
    ],
    [
      'targetPort omitted with random local port',
      svcWith([{ port: 80 }]),
      podWith([{ name: 'http', containerPort: 80 }]),
      [':80'],
      [':80'],
    ],
    [
      'named target port lookup failure',
      svcWith([{ port: 80, targetPort: 'http' }]),
      podWith([{ name: 'https', containerPort: 443 }]),
      ['80'],
      'error',
    ],
    [
      'named service port lookup failure',
      svcWith([{ port: 80, targetPort: 'http' }]),
      http8080,
      ['https'],
      'error',
    ],
    [
      'service port not declared',
      svcWith([{ port: 80, targetPort: 'http' }]),
      podWith([{ name: 'https', containerPort: 443 }]),
      ['443'],
      'error',
    ],
  ];
  for (const [name, svc, p, ports, expected] of cases) {
    it(name, () => {
      if (expected === 'error') expect(() => translateServicePortToTargetPort(ports, svc, p)).to.throw();
      else expect(translateServicePortToTargetPort(ports, svc, p)).to.deep.equal(expected);
    });
  }
});

describe('convertPodNamedPortToNumber (portforward_test.go)', () => {
  const http80 = podWith([{ name: 'http', containerPort: 80 }]);
  const https443 = podWith([{ name: 'https', containerPort: 443 }]);
  const cases: Array<[string, Pod, string[], string[] | string]> = [
    ['port number without local port', http80, ['80'], ['80']],
    ['port number with local port', http80, ['8000:80'], ['8000:80']],
    ['port number with random local port', http80, [':80'], [':80']],
    ['named port without local port', http80, ['http'], ['80']],
    ['named port with local port', http80, ['8000:http'], ['8000:80']],
    ['named port with random local port', http80, [':http'], [':80']],
    ['named port can not be found', https443, ['http'], "Pod 'pod' does not have a named port 'http'"],
    [
      'one of the requested named ports can not be found',
      https443,
      ['https', 'http'],
      "Pod 'pod' does not have a named port 'http'",
    ],
    ['empty remote port', http80, ['8000:'], 'remote port cannot be empty'],
  ];
  for (const [name, p, ports, expected] of cases) {
    it(name, () => {
      if (typeof expected === 'string')
        expect(() => convertPodNamedPortToNumber(ports, p)).to.throw(expected);
      else expect(convertPodNamedPortToNumber(ports, p)).to.deep.equal(expected);
    });
  }
});

describe('checkUDPPort (portforward_test.go TestCheckUDPPort)', () => {
  const cases: Array<[string, Pod | Service, string[], boolean]> = [
    ['forward to a UDP port in a Pod', podWith([{ protocol: 'UDP', containerPort: 53 }]), ['53'], true],
    [
      'forward to a named UDP port in a Pod',
      podWith([{ protocol: 'UDP', containerPort: 53, name: 'dns' }]),
      ['dns'],
      true,
    ],
    [
      'Pod has ports with both TCP and UDP protocol (UDP first)',
      podWith([
        { protocol: 'UDP', containerPort: 53 },
        { protocol: 'TCP', containerPort: 53 },
      ]),
      [':53'],
      false,
    ],
    [
      'Pod has ports with both TCP and UDP protocol (TCP first)',
      podWith([
        { protocol: 'TCP', containerPort: 53 },
        { protocol: 'UDP', containerPort: 53 },
      ]),
      [':53'],
      false,
    ],
    ['forward to a UDP port in a Service', svcWith([{ protocol: 'UDP', port: 53 }]), ['53'], true],
    [
      'forward to a named UDP port in a Service',
      svcWith([{ protocol: 'UDP', port: 53, name: 'dns' }]),
      ['10053:dns'],
      true,
    ],
    [
      'Service has ports with both TCP and UDP protocol (UDP first)',
      svcWith([
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ]),
      ['53'],
      false,
    ],
    [
      'Service has ports with both TCP and UDP protocol (TCP first)',
      svcWith([
        { protocol: 'TCP', port: 53 },
        { protocol: 'UDP', port: 53 },
      ]),
      ['53'],
      false,
    ],
  ];
  for (const [name, obj, ports, fails] of cases) {
    it(name, () => {
      const check = () =>
        obj.kind === 'Service'
          ? checkUDPPortInService(ports, obj as Service)
          : checkUDPPortInPod(ports, obj as Pod);
      if (fails) expect(check).to.throw(/UDP protocol is not supported for /);
      else expect(check).to.not.throw();
    });
  }
});

function run(c: Cluster, line: string) {
  return kubectl(c, splitCommandLine(line));
}

describe('kubectl port-forward', () => {
  it('forwards to a pod by name, then every request to localhost goes to that pod', () => {
    const c = trafficCluster();
    setUp(c, [pod('a', 'example/my-app', { ports: [{ name: 'http', containerPort: 9376 }] })]);
    expect(run(c, 'port-forward a 8080:9376')).to.deep.equal({
      stdout: 'Forwarding from 127.0.0.1:8080 -> 9376\nForwarding from [::1]:8080 -> 9376\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(c, 'port-forward pod/a 8081:http --address 127.0.0.1').stdout).to.equal(
      'Forwarding from 127.0.0.1:8081 -> 9376\n',
    );
    const records = c.network.send('http://localhost:8080/', { count: 3 });
    expect(records.every((r) => r.pod === 'default/a' && r.body === 'hello')).to.equal(true);
    const forward = c.network.forwards.all[0]!;
    expect(forward.text('stdout')).to.equal(
      'Forwarding from 127.0.0.1:8080 -> 9376\nForwarding from [::1]:8080 -> 9376\n' +
        'Handling connection for 8080\n'.repeat(3),
    );
  });

  it('picks one pod through a Service and translates the Service port to the named targetPort', () => {
    const c = trafficCluster();
    setUp(c, [
      deployment('web', 3, 'example/app-8080', [{ name: 'http', containerPort: 8080 }]),
      service('web', { selector: { app: 'web' }, ports: [{ name: 'www', port: 80, targetPort: 'http' }] }),
    ]);
    expect(run(c, 'port-forward service/web 9000:80').stdout).to.equal(
      'Forwarding from 127.0.0.1:9000 -> 8080\nForwarding from [::1]:9000 -> 8080\n',
    );
    expect(run(c, 'port-forward svc/web :www --address=0.0.0.0').stdout).to.match(
      /^Forwarding from 0\.0\.0\.0:\d+ -> 8080\n$/,
    );
    const records = c.network.send('http://localhost:9000/', { count: 20 });
    expect(new Set(records.map((r) => r.pod)).size).to.equal(1);
    expect(records.every((r) => r.ok && r.targetPort === 8080)).to.equal(true);
  });

  it('picks the most active pod of a Deployment, and ends when that pod is deleted', () => {
    const c = trafficCluster();
    setUp(c, [deployment('web', 2, 'example/my-app')]);
    c.advance(10_000);
    const [older] = c.store.list('Pod', 'default');
    c.store.create(pod('newer', 'example/my-app', { labels: { app: 'web' } }));
    c.advance(1_000);
    expect(run(c, 'port-forward deploy/web 8080:9376').exitCode).to.equal(0);
    const forwarded = c.network.forwards.all[0]!.target.pod;
    // Ready for longer wins over the pod that became ready a moment ago.
    expect(forwarded).to.not.equal('newer');
    expect(c.network.send('http://localhost:8080/')[0]!.pod).to.equal(`default/${forwarded}`);
    expect(older).to.not.equal(undefined);
    c.store.delete('Pod', 'default', forwarded);
    c.advance(31_000);
    const [after] = c.network.send('http://localhost:8080/');
    expect(after).to.deep.include({ error: 'refused' });
    expect(c.network.forwards.all[0]!.text('stderr')).to.equal('error: lost connection to pod\n');
  });

  it('reports kubectl errors', () => {
    const c = trafficCluster();
    setUp(c, [
      pod('a', 'example/my-app'),
      pod('stuck', 'nginx:1.161'),
      service('bare', { ports: [{ port: 80 }] }),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
      service('dns', { selector: { app: 'web' }, ports: [{ port: 53, protocol: 'UDP' }] }),
    ]);
    const err = (line: string) => run(c, line).stderr;
    expect(err('port-forward a')).to.equal(
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
    );
    expect(err('port-forward stuck 8080:80')).to.equal(
      'error: unable to forward port because pod is not running. Current status=Pending\n',
    );
    expect(err('port-forward svc/bare 8080:80')).to.equal(
      "error: cannot attach to *v1.Service: invalid service 'bare': Service is defined without a selector\n",
    );
    expect(err('port-forward svc/web 8080:8080')).to.equal(
      'error: Service web does not have a service port 8080\n',
    );
    expect(err('port-forward svc/web 8080:http')).to.equal(
      "error: Service 'web' does not have a named port 'http'\n",
    );
    expect(err('port-forward svc/dns 53')).to.equal('error: UDP protocol is not supported for 53\n');
    // kubectl's splitPort reads `8080:9376:1` as `8080` (a quirk kept as it is).
    expect(run(c, 'port-forward a 8080:9376:1').stdout).to.match(
      /^Forwarding from 127\.0\.0\.1:8080 -> 8080\n/,
    );
    expect(err('port-forward a abc:9376')).to.equal(
      `error: error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax\n`,
    );
    expect(err('port-forward a 8080:0')).to.equal('error: remote port must be > 0\n');
    expect(err('port-forward a 9090:9376 --address nowhere')).to.equal('error: nowhere is not a valid IP\n');
    expect(err('port-forward ghost 8080')).to.equal('Error from server (NotFound): pods "ghost" not found\n');
    expect(err('port-forward deployment/ghost 8080')).to.equal(
      'Error from server (NotFound): deployments.apps "ghost" not found\n',
    );
    expect(run(c, 'port-forward a 7070:9376').exitCode).to.equal(0);
    expect(run(c, 'port-forward a 7070:9376')).to.deep.equal({
      stdout: '',
      stderr:
        'Unable to listen on port 7070: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:7070: bind: address already in use unable to create listener: Error listen tcp6 [::1]:7070: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{7070 9376}]\n',
      exitCode: 1,
    });
  });

  it('waits up to --pod-running-timeout for a pod to match', () => {
    const c = trafficCluster();
    setUp(c, [service('late', { selector: { app: 'late' }, ports: [{ port: 80, targetPort: 9376 }] })]);
    const start = c.now;
    expect(run(c, 'port-forward svc/late 8080:80 --pod-running-timeout=5s').stderr).to.equal(
      'error: timed out waiting for the condition\n',
    );
    expect(c.now - start).to.equal(5_000);
  });
});
