import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Cluster } from '../../cluster/cluster.js';
import { setShellNetwork } from '../../images/container-network.js';
import { splitCommandLine } from '../../kubectl/command-line.js';
import { kubectl } from '../../kubectl/index.js';
import { shellNetwork } from '../../network/shell-client.js';

const MANIFEST = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - {name: nginx, image: nginx:1.25}
  - {name: client, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

function cluster(): { c: Cluster; run: (line: string) => ReturnType<typeof kubectl> } {
  const c = new Cluster({});
  const run = (line: string) => kubectl(c, splitCommandLine(line));
  kubectl(c, ['apply', '-f', '-'], { stdin: MANIFEST });
  return { c, run };
}

describe('the network of a pod’s processes', () => {
  it('reaches the pod itself on localhost, its IP and its hostname', () => {
    const { c, run } = cluster();
    const ip = c.store.get('Pod', 'default', 'web')!.status!.podIP!;
    for (const host of ['localhost', '127.0.0.1', ip, 'web']) {
      expect(run(`exec web -c client -- wget -qO- http://${host}/`).stdout, host).to.include(
        'Welcome to nginx!',
      );
    }
    expect(run('exec web -c client -- wget -qO- http://localhost:8080/').stderr).to.equal(
      "wget: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1\n",
    );
    expect(run('exec web -c client -- nc -z localhost 80').exitCode).to.equal(0);
    expect(run('exec web -c client -- wget -qO- http://nope.default.svc/').stderr).to.include(
      "wget: bad address 'nope.default.svc'",
    );
  });

  it('goes through the cluster’s network once it is registered for the store', () => {
    const { c, run } = cluster();
    setShellNetwork(c.store, (namespace, pod) => shellNetwork(c.network, { pod, namespace }));
    expect(run('exec web -c client -- wget -qO- http://web.default.svc/').stdout).to.include(
      'Welcome to nginx!',
    );
    expect(c.network.requests.at(-1)).to.deep.include({
      source: 'default/web',
      service: 'default/web',
      ok: true,
    });
  });
});
