import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { createDeployment, createRevision, templateFor } from './fixtures.js';
import { deploymentRevision, rollbackDeployment } from './rollback.js';

function history() {
  const c = new TestCluster();
  const d = createDeployment(c, {
    image: 'nginx:1.25',
    annotations: {
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'now',
      team: 'a',
    },
  });
  createRevision(c, d, {
    hash: 'one',
    revision: '1',
    image: 'nginx:1.14.2',
    annotations: { 'kubernetes.io/change-cause': 'first', 'deployment.kubernetes.io/desired-replicas': '3' },
  });
  createRevision(c, d, { hash: 'two', revision: '2', image: 'nginx:1.16.1' });
  createRevision(c, d, { hash: 'three', revision: '3', image: 'nginx:1.25', replicas: 3 });
  const live = () => c.store.get('Deployment', 'default', 'web') as Deployment;
  return { c, d, live };
}

describe('DeploymentRollbacker', () => {
  it('picks the previous revision for 0 and the named one otherwise (deploymentRevision)', () => {
    const { c, d } = history();
    expect(deploymentRevision(c.store, d, 0).metadata.name).to.equal('web-two');
    expect(deploymentRevision(c.store, d, 1).metadata.name).to.equal('web-one');
    expect(() => deploymentRevision(c.store, d, 9)).to.throw(
      'unable to find specified revision 9 in history',
    );
  });

  it('has no previous revision with one ReplicaSet', () => {
    const c = new TestCluster();
    const d = createDeployment(c);
    createRevision(c, d, { hash: 'one', revision: '1' });
    expect(() => rollbackDeployment(c.store, d, 0, 'none')).to.throw(
      'no rollout history found for deployment "web"',
    );
    expect(() => rollbackDeployment(c.store, d, -1, 'none')).to.throw(
      'unable to find specified revision -1 in history',
    );
  });

  // TestGetDeploymentPatch: one JSON patch replacing /spec/template (without the hash label) and
  // /metadata/annotations (the Deployment's skip-listed annotations plus the ReplicaSet's others).
  it('copies the template without pod-template-hash and swaps the annotations', () => {
    const { c, d, live } = history();
    const generation = d.metadata.generation!;
    expect(rollbackDeployment(c.store, d, 1, 'none')).to.equal('rolled back');
    const after = live();
    expect(after.spec!.template!.metadata!.labels).to.deep.equal({ app: 'web' });
    expect(after.spec!.template!.spec!.containers[0]!.image).to.equal('nginx:1.14.2');
    expect(after.metadata.annotations).to.deep.equal({
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'first',
    });
    expect(after.metadata.generation).to.equal(generation + 1);
  });

  it('skips a rollback to the template already running, naming the revision as given', () => {
    const { c, d, live } = history();
    const before = live().metadata.resourceVersion;
    expect(rollbackDeployment(c.store, d, 3, 'none')).to.equal(
      'skipped rollback (current template already matches revision 3)',
    );
    expect(live().metadata.resourceVersion).to.equal(before);
  });

  it('refuses a paused Deployment, but --dry-run=client only prints the template', () => {
    const c = new TestCluster();
    const d = createDeployment(c, { paused: true });
    createRevision(c, d, { hash: 'one', revision: '1', template: templateFor('nginx:1.14.2') });
    createRevision(c, d, { hash: 'two', revision: '2', image: 'nginx:1.16.1' });
    expect(() => rollbackDeployment(c.store, d, 0, 'none')).to.throw(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
    expect(rollbackDeployment(c.store, d, 0, 'client')).to.match(
      /^Pod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=one\n/,
    );
  });

  it('does not write with --dry-run=server', () => {
    const { c, d, live } = history();
    expect(rollbackDeployment(c.store, d, 1, 'server')).to.equal('rolled back');
    expect(live().spec!.template!.spec!.containers[0]!.image).to.equal('nginx:1.25');
  });
});
