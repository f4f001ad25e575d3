import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { createDeployment } from '../rollout/fixtures.js';
import { TestCluster } from '../testing.js';

const live = (c: TestCluster) => c.store.get('Deployment', 'default', 'web') as Deployment;

function cluster(): TestCluster {
  const c = new TestCluster();
  createDeployment(c);
  return c;
}

describe('kubectl patch', () => {
  it('applies a strategic merge patch by default, merging containers by name', () => {
    const c = cluster();
    expect(
      c.run(
        `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.16.1"}]}}}}'`,
      ),
    ).to.deep.equal({ stdout: 'deployment.apps/web patched\n', stderr: '', exitCode: 0 });
    const container = live(c).spec!.template!.spec!.containers[0]!;
    expect(container.image).to.equal('nginx:1.16.1');
    expect(container.name).to.equal('nginx');
    expect(live(c).metadata.generation).to.equal(2);
  });

  it('says "patched (no change)" when nothing changed', () => {
    const c = cluster();
    expect(c.run(`patch deployment/web -p '{"spec":{"replicas":3}}'`).stdout).to.equal(
      'deployment.apps/web patched (no change)\n',
    );
    expect(live(c).metadata.generation).to.equal(1);
  });

  it('accepts YAML, merge patches and JSON patches', () => {
    const c = cluster();
    expect(c.run(`patch deployment web -p 'spec: {replicas: 5}'`).stdout).to.equal(
      'deployment.apps/web patched\n',
    );
    expect(live(c).spec!.replicas).to.equal(5);
    expect(
      c.run(`patch deployment web --type=merge -p '{"metadata":{"annotations":{"team":"blue"}}}'`).exitCode,
    ).to.equal(0);
    expect(live(c).metadata.annotations).to.deep.equal({ team: 'blue' });
    expect(live(c).metadata.generation).to.equal(3);
    expect(
      c.run(
        `patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.25"}]'`,
      ).stdout,
    ).to.equal('deployment.apps/web patched\n');
    expect(live(c).spec!.template!.spec!.containers[0]!.image).to.equal('nginx:1.25');
  });

  it('reports a failing JSON patch the way kubectl shows the API server answer', () => {
    const c = cluster();
    expect(
      c.run(`patch deployment web --type=json -p '[{"op":"replace","path":"/spec/foo","value":1}]'`),
    ).to.deep.equal({
      stdout: '',
      stderr: 'The request is invalid: the server rejected our request due to an error in our request\n',
      exitCode: 1,
    });
    expect(c.run(`patch deployment web --type=json -p '{"op":"add"}'`).stderr).to.equal(
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n',
    );
  });

  it('drops unknown fields with a warning and rejects invalid results', () => {
    const c = cluster();
    const r = c.run(`patch deployment web -p '{"spec":{"replicaz":2}}'`);
    expect(r).to.deep.equal({
      stdout: 'deployment.apps/web patched (no change)\n',
      stderr: 'Warning: unknown field "spec.replicaz"\n',
      exitCode: 0,
    });
    expect(c.run(`patch deployment web -p '{"spec":{"replicas":-1}}'`).stderr).to.match(
      /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1/,
    );
  });

  it('records the command with --record as a second write', () => {
    const c = cluster();
    const r = c.run(`patch deployment web -p '{"spec":{"replicas":2}}' --record`);
    expect(r.stdout).to.equal('deployment.apps/web patched\n');
    expect(live(c).metadata.annotations!['kubernetes.io/change-cause']).to.equal(
      `kubectl patch deployment web --patch={"spec":{"replicas":2}} --record=true`,
    );
  });

  it('does not write with --dry-run=client', () => {
    const c = cluster();
    expect(c.run(`patch deployment web -p '{"spec":{"replicas":2}}' --dry-run=client`).stdout).to.equal(
      'deployment.apps/web patched (dry run)\n',
    );
    expect(live(c).spec!.replicas).to.equal(3);
  });

  it('checks its flags and arguments as kubectl does', () => {
    const c = cluster();
    expect(c.run('patch deployment web').stderr).to.equal(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(c.run(`patch deployment web -p '{}' --type=xml`).stderr).to.equal(
      'error: --type must be one of [json merge strategic], not "xml"\n',
    );
    expect(c.run(`patch deployment -p '{}'`).stderr).to.equal(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(c.run(`patch deployment nope -p '{}'`).stderr).to.equal(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(c.run(`patch deployment web -p '{"a":'`).stderr).to.match(
      /^error: unable to parse "\{\\"a\\":": /,
    );
  });
});
