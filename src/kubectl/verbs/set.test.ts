import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { createDeployment, templateFor } from '../rollout/fixtures.js';
import { TestCluster } from '../testing.js';

const live = (c: TestCluster) => c.store.get('Deployment', 'default', 'web') as Deployment;
const containers = (c: TestCluster) => live(c).spec!.template!.spec!.containers;

function twoContainers(): TestCluster {
  const c = new TestCluster();
  c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: templateFor('nginx:1.14.2', {
        spec: {
          initContainers: [{ name: 'init', image: 'busybox:1.36' }],
          containers: [
            { name: 'nginx', image: 'nginx:1.14.2' },
            { name: 'sidecar', image: 'busybox:1.36' },
          ],
        },
      }),
    },
  });
  return c;
}

describe('kubectl set image', () => {
  it('updates the named container and bumps the generation', () => {
    const c = twoContainers();
    expect(c.run('set image deployment/web nginx=nginx:1.16.1')).to.deep.equal({
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(containers(c).map((x) => x.image)).to.deep.equal(['nginx:1.16.1', 'busybox:1.36']);
    expect(live(c).metadata.generation).to.equal(2);
  });

  it('prints nothing when the image is already set (an empty patch)', () => {
    const c = twoContainers();
    const rv = live(c).metadata.resourceVersion;
    expect(c.run('set image deployment web nginx=nginx:1.14.2')).to.deep.equal({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(live(c).metadata.resourceVersion).to.equal(rv);
  });

  it('sets every container, init containers included, with *', () => {
    const c = twoContainers();
    expect(c.run('set image deploy/web *=alpine:3.20').stdout).to.equal(
      'deployment.apps/web image updated\n',
    );
    expect(containers(c).map((x) => x.image)).to.deep.equal(['alpine:3.20', 'alpine:3.20']);
    expect(live(c).spec!.template!.spec!.initContainers![0]!.image).to.equal('alpine:3.20');
  });

  it('reports an unknown container after applying the others', () => {
    const c = twoContainers();
    expect(c.run('set image deployment/web foo=x nginx=nginx:1.25')).to.deep.equal({
      stdout: 'deployment.apps/web image updated\n',
      stderr: 'error: unable to find container named "foo"\n',
      exitCode: 1,
    });
    expect(containers(c)[0]!.image).to.equal('nginx:1.25');
  });

  it('records the command with the deprecated --record', () => {
    const c = twoContainers();
    const r = c.run('set image deployment/web nginx=nginx:1.16.1 --record');
    expect(r.stderr).to.equal('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(live(c).metadata.annotations!['kubernetes.io/change-cause']).to.equal(
      'kubectl set image deployment/web nginx=nginx:1.16.1 --record=true',
    );
  });

  it('does not write with --dry-run=client, and prints the result', () => {
    const c = twoContainers();
    expect(c.run('set image deployment/web nginx=nginx:1.25 --dry-run=client').stdout).to.equal(
      'deployment.apps/web image updated (dry run)\n',
    );
    expect(
      c.run(
        'set image deployment/web nginx=nginx:1.25 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].image}',
      ).stdout,
    ).to.equal('nginx:1.25');
    expect(containers(c)[0]!.image).to.equal('nginx:1.14.2');
  });

  it('checks its arguments as kubectl does', () => {
    const c = twoContainers();
    expect(c.run('set image deployment/web').stderr).to.equal(
      'error: at least one image update is required\n',
    );
    expect(c.run('set image deployment/web *=a nginx=b').stderr).to.equal(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
    expect(c.run('set image nginx=b deployment/web').stderr).to.equal(
      'error: all resources must be specified before image changes: deployment/web\n',
    );
    expect(c.run('set image deployment/nope nginx=b').stderr).to.equal(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(c.run('set image namespace/default nginx=b').stderr).to.equal(
      'error: namespaces/default the object is not a pod or does not have a pod template: *v1.Namespace\n',
    );
    expect(c.run('set image').stderr).to.match(/^error: You must provide one or more resources/);
  });
});

describe('kubectl set resources', () => {
  it('sets limits and requests on every container by default', () => {
    const c = twoContainers();
    expect(
      c.run('set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1').stdout,
    ).to.equal('deployment.apps/web resource requirements updated\n');
    for (const x of containers(c)) {
      expect(x.resources).to.deep.equal({
        limits: { cpu: '200m', memory: '512Mi' },
        requests: { cpu: '100m' },
      });
    }
    expect(
      c.run('set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1').stdout,
    ).to.equal('');
  });

  it('selects containers with -c, wildcards allowed', () => {
    const c = twoContainers();
    expect(c.run('set resources deployment/web -c=side* --limits=memory=64Mi').exitCode).to.equal(0);
    expect(containers(c)[0]!.resources ?? {}).to.deep.equal({});
    expect(containers(c)[1]!.resources).to.deep.equal({ limits: { memory: '64Mi' } });
    expect(c.run('set resources deployment/web -c=db --limits=memory=64Mi').stderr).to.equal(
      'error: unable to find container named db\n',
    );
  });

  it('needs limits or requests in the right syntax', () => {
    const c = twoContainers();
    expect(c.run('set resources deployment/web').stderr).to.equal(
      'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
    );
    expect(c.run('set resources deployment/web --limits=cpu').stderr).to.equal(
      'error: Invalid argument syntax cpu, expected <resource>=<value>\n',
    );
    expect(c.run('set resources deployment/web --limits=cpu=lots').stderr).to.equal(
      "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
    );
  });
});

describe('kubectl set', () => {
  it('names the subcommands it does not simulate', () => {
    const c = new TestCluster();
    createDeployment(c);
    expect(c.run('set env deployment/web A=b').stderr).to.equal(
      'error: kubesim does not simulate "kubectl set env" yet\n',
    );
    expect(c.run('set frob').stderr).to.equal(
      `error: unknown command "frob"\nSee 'kubectl set -h' for help and examples\n`,
    );
  });
});
