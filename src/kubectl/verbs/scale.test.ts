import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, KubeObject } from '../../api/types.js';
import { TestCluster } from '../testing.js';

function webDeployment(c: TestCluster, replicas = 3): void {
  c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  });
}

const replicas = (c: TestCluster) =>
  (c.store.get('Deployment', 'default', 'web') as Deployment).spec!.replicas;

describe('kubectl scale', () => {
  it('sets spec.replicas, in TYPE NAME and TYPE/NAME form, even to the same count', () => {
    const c = new TestCluster();
    webDeployment(c);
    expect(c.run('scale deployment web --replicas=5')).to.deep.equal({
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      exitCode: 0,
    });
    expect(replicas(c)).to.equal(5);
    expect(c.run('scale deploy/web --replicas 5').stdout).to.equal('deployment.apps/web scaled\n');
    expect(c.run('scale --replicas=0 deployments.apps/web').stdout).to.equal('deployment.apps/web scaled\n');
    expect(replicas(c)).to.equal(0);
  });

  it('checks --current-replicas first', () => {
    const c = new TestCluster();
    webDeployment(c, 3);
    expect(c.run('scale deployment web --current-replicas=2 --replicas=5')).to.deep.equal({
      stdout: '',
      stderr: 'error: Expected replicas to be 2, was 3\n',
      exitCode: 1,
    });
    expect(replicas(c)).to.equal(3);
    expect(c.run('scale deployment web --current-replicas=3 --replicas=1').stdout).to.equal(
      'deployment.apps/web scaled\n',
    );
  });

  it('reports flag and argument mistakes as kubectl does', () => {
    const c = new TestCluster();
    webDeployment(c);
    expect(c.run('scale deployment web').stderr).to.equal('error: required flag(s) "replicas" not set\n');
    expect(c.run('scale deployment web --replicas=-1').stderr).to.equal(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(c.run('scale deployment web --replicas=abc').stderr).to.equal(
      'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
    );
    expect(c.run('scale deployment nope --replicas=2').stderr).to.equal(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(c.run('scale deployment --replicas=2').stderr).to.equal(
      'error: resource(s) were provided, but no name was specified\n',
    );
  });

  it('cannot scale what has no scale subresource', () => {
    const c = new TestCluster();
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    } as KubeObject);
    expect(c.run('scale pod p --replicas=2').stderr).to.equal(
      'Error from server (NotFound): the server could not find the requested resource\n',
    );
  });

  it('does not change anything with --dry-run=client', () => {
    const c = new TestCluster();
    webDeployment(c, 3);
    expect(c.run('scale deployment web --replicas=1 --dry-run=client').stdout).to.equal(
      'deployment.apps/web scaled (dry run)\n',
    );
    expect(replicas(c)).to.equal(3);
  });
});
