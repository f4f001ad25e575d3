import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster } from '../testing.js';

function withNodes(...names: string[]): TestCluster {
  const c = new TestCluster();
  for (const name of names) {
    c.store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { pool: name === 'node-1' ? 'a' : 'b' } },
    });
  }
  return c;
}

describe('kubectl cordon / uncordon (drain.go RunCordonOrUncordon, v1.33)', () => {
  it('sets spec.unschedulable once and says so, then says it already is', () => {
    const c = withNodes('node-1');
    expect(c.run('cordon node-1').stdout).to.equal('node/node-1 cordoned\n');
    expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(true);
    expect(c.run('cordon node-1').stdout).to.equal('node/node-1 already cordoned\n');
    expect(c.run('uncordon node-1').stdout).to.equal('node/node-1 uncordoned\n');
    expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(undefined);
    expect(c.run('uncordon node-1').stdout).to.equal('node/node-1 already uncordoned\n');
  });

  it('changes nothing with --dry-run=client, and says so', () => {
    const c = withNodes('node-1');
    expect(c.run('cordon node-1 --dry-run=client').stdout).to.equal('node/node-1 cordoned (dry run)\n');
    expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(undefined);
  });

  it('takes the nodes a selector matches', () => {
    const c = withNodes('node-1', 'node-2');
    expect(c.run('cordon -l pool=b').stdout).to.equal('node/node-2 cordoned\n');
    expect(c.store.get('Node', undefined, 'node-1')?.spec?.unschedulable).to.equal(undefined);
  });

  it('asks for a node, and reports a missing one as the API server does', () => {
    const c = withNodes('node-1');
    const none = c.run('cordon');
    expect(none.exitCode).to.equal(1);
    expect(none.stderr).to.equal(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
    const missing = c.run('uncordon nope');
    expect(missing.exitCode).to.equal(1);
    expect(missing.stderr).to.equal('Error from server (NotFound): nodes "nope" not found\n');
  });
});
