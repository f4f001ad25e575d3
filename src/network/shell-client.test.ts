import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createContainerFs } from '../images/sh/rootfs.js';
import { runToCompletion } from '../images/sh/run.js';
import { shellNetwork } from './shell-client.js';
import { deployment, pod, service, setUp, trafficCluster } from './testing.js';

describe('the network as a shell sees it', () => {
  const c = trafficCluster();
  setUp(c, [
    deployment('web', 2, 'example/my-app'),
    service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }),
    service('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] }),
    pod('client', 'busybox', { labels: { role: 'client' } }),
  ]);
  const sh = (script: string) =>
    runToCompletion(
      script,
      { fs: createContainerFs({ hostname: 'client', podIPs: ['10.244.0.9'] }) },
      shellNetwork(c.network, { pod: 'client' }),
    );

  it('answers wget through the Service and records the request from the pod', () => {
    const before = c.network.requests.length;
    const r = sh('wget -qO- http://web/');
    expect(r).to.deep.include({ exitCode: 0, stdout: 'hello', stderr: '' });
    expect(c.network.requests.slice(before).map((x) => [x.source, x.service, x.ok])).to.deep.equal([
      ['default/client', 'default/web', true],
    ]);
  });

  it("prints wget's errors for an unknown name and a Service without endpoints", () => {
    expect(sh('wget -qO- http://nope/')).to.deep.include({
      exitCode: 1,
      stderr: "wget: bad address 'nope'\n",
    });
    const ip = c.store.get('Service', 'default', 'empty')!.spec!.clusterIP;
    expect(sh('wget -qO- http://empty/')).to.deep.include({
      exitCode: 1,
      stderr: `wget: can't connect to remote host (${ip}): Connection refused\n`,
    });
  });

  it('lets nc and nslookup use the cluster network', () => {
    expect(sh('nc -z web 80').exitCode).to.equal(0);
    expect(sh('nc -z empty 80').exitCode).to.equal(1);
    const ip = c.store.get('Service', 'default', 'web')!.spec!.clusterIP;
    expect(sh('nslookup web').stdout).to.include(`Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n`);
  });
});
