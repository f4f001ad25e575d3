import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, Service, ServicePort } from '../api/types.js';
import { envVariableName, serviceEnv, serviceEnvForPod, servicesForPod } from './service-env.js';

function svc(name: string, clusterIP: string, ports: ServicePort[], namespace = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { bar: 'baz' }, clusterIP, ports },
  };
}

describe('serviceEnv (pkg/kubelet/envvars TestFromServices)', () => {
  it('gives the host, port, named ports and Docker link variables, skipping services without a ClusterIP', () => {
    const services = [
      svc('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }]),
      svc('abc-123', '5.6.7.8', [
        { name: 'u-d-p', port: 8081, protocol: 'UDP' },
        { name: 't-c-p', port: 8081, protocol: 'TCP' },
      ]),
      svc('q-u-u-x', '9.8.7.6', [
        { port: 8082, protocol: 'TCP' },
        { name: '8083', port: 8083, protocol: 'TCP' },
      ]),
      svc('svrc-clusterip-none', 'None', [{ port: 8082, protocol: 'TCP' }]),
      svc('svrc-clusterip-empty', '', [{ port: 8082, protocol: 'TCP' }]),
    ];
    const expected: Array<[string, string]> = [
      ['FOO_BAR_SERVICE_HOST', '1.2.3.4'],
      ['FOO_BAR_SERVICE_PORT', '8080'],
      ['FOO_BAR_PORT', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP_PROTO', 'tcp'],
      ['FOO_BAR_PORT_8080_TCP_PORT', '8080'],
      ['FOO_BAR_PORT_8080_TCP_ADDR', '1.2.3.4'],
      ['ABC_123_SERVICE_HOST', '5.6.7.8'],
      ['ABC_123_SERVICE_PORT', '8081'],
      ['ABC_123_SERVICE_PORT_U_D_P', '8081'],
      ['ABC_123_SERVICE_PORT_T_C_P', '8081'],
      ['ABC_123_PORT', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP_PROTO', 'udp'],
      ['ABC_123_PORT_8081_UDP_PORT', '8081'],
      ['ABC_123_PORT_8081_UDP_ADDR', '5.6.7.8'],
      ['ABC_123_PORT_8081_TCP', 'tcp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_TCP_PROTO', 'tcp'],
      ['ABC_123_PORT_8081_TCP_PORT', '8081'],
      ['ABC_123_PORT_8081_TCP_ADDR', '5.6.7.8'],
      ['Q_U_U_X_SERVICE_HOST', '9.8.7.6'],
      ['Q_U_U_X_SERVICE_PORT', '8082'],
      ['Q_U_U_X_SERVICE_PORT_8083', '8083'],
      ['Q_U_U_X_PORT', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8082_TCP_PORT', '8082'],
      ['Q_U_U_X_PORT_8082_TCP_ADDR', '9.8.7.6'],
      ['Q_U_U_X_PORT_8083_TCP', 'tcp://9.8.7.6:8083'],
      ['Q_U_U_X_PORT_8083_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8083_TCP_PORT', '8083'],
      ['Q_U_U_X_PORT_8083_TCP_ADDR', '9.8.7.6'],
    ];
    expect(serviceEnv(services).map((e) => [e.name, e.value])).to.deep.equal(expected);
  });

  it('names variables as makeEnvVariableName does', () => {
    expect(envVariableName('my-service')).to.equal('MY_SERVICE');
    expect(envVariableName('8083')).to.equal('8083');
  });
});

describe('servicesForPod (kubelet getServiceEnvVarMap)', () => {
  const kubernetes = svc('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);
  const web = svc('my-service', '10.96.0.11', [{ port: 80, protocol: 'TCP' }]);
  const other = svc('other', '10.96.0.12', [{ port: 80, protocol: 'TCP' }], 'shop');
  const headless = svc('headless', 'None', [{ port: 80, protocol: 'TCP' }]);
  const pod = (namespace: string, enableServiceLinks?: boolean): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace },
    spec: { containers: [], ...(enableServiceLinks === undefined ? {} : { enableServiceLinks }) },
  });

  it('gives the pod namespace services and the master service', () => {
    const names = servicesForPod(pod('default'), [web, other, headless, kubernetes]).map(
      (s) => s.metadata.name,
    );
    expect(names).to.deep.equal(['kubernetes', 'my-service']);
    const inShop = servicesForPod(pod('shop'), [web, other, kubernetes]).map((s) => s.metadata.name);
    expect(inShop).to.deep.equal(['kubernetes', 'other']);
  });

  it('gives only KUBERNETES_* with enableServiceLinks false', () => {
    const env = serviceEnvForPod(pod('default', false), [web, kubernetes]);
    expect(env.every((e) => e.name.startsWith('KUBERNETES_'))).to.equal(true);
    expect(env.map((e) => e.name)).to.include.members([
      'KUBERNETES_SERVICE_HOST',
      'KUBERNETES_SERVICE_PORT',
      'KUBERNETES_SERVICE_PORT_HTTPS',
      'KUBERNETES_PORT',
      'KUBERNETES_PORT_443_TCP_ADDR',
    ]);
  });

  it('gives MY_SERVICE_* with service links on (the default)', () => {
    const env = Object.fromEntries(
      serviceEnvForPod(pod('default'), [web, kubernetes]).map((e) => [e.name, e.value]),
    );
    expect(env.MY_SERVICE_SERVICE_HOST).to.equal('10.96.0.11');
    expect(env.MY_SERVICE_SERVICE_PORT).to.equal('80');
    expect(env.MY_SERVICE_PORT).to.equal('tcp://10.96.0.11:80');
    expect(env.MY_SERVICE_PORT_80_TCP_PROTO).to.equal('tcp');
    expect(env.KUBERNETES_SERVICE_HOST).to.equal('10.96.0.1');
  });
});
