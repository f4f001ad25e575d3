import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { createDeployment } from '../rollout/fixtures.js';
import { parsePairs, resourcesAndPairs } from '../rollout/pairs.js';
import { TestCluster } from '../testing.js';

const live = (c: TestCluster) => c.store.get('Deployment', 'default', 'web') as Deployment;

function withAnnotations(annotations: Record<string, string>): TestCluster {
  const c = new TestCluster();
  createDeployment(c, { annotations });
  return c;
}

describe('kubectl annotate: parsing (annotate_test.go TestParseAnnotations, TestValidateAnnotations)', () => {
  const testURL = 'https://test.com/index.htm?id=123#u=user-name';
  const testJSON =
    '\'{"kind":"SerializedReference","apiVersion":"v1","reference":{"kind":"ReplicationController","namespace":"default","name":"my-nginx","uid":"c544ee78-2665-11e5-8051-42010af0c213","apiVersion":"v1","resourceVersion":"61368"}}\'';
  const table: Array<{
    args: string[];
    set?: Record<string, string>;
    remove?: string[];
    err?: string;
    scenario: string;
  }> = [
    { args: ['a=b', 'c=d'], set: { a: 'b', c: 'd' }, remove: [], scenario: 'add two annotations' },
    {
      args: [`url=${testURL}`, `fake.kubernetes.io/annotation=${testJSON}`],
      set: { url: testURL, 'fake.kubernetes.io/annotation': testJSON },
      remove: [],
      scenario: 'add annotations with special characters',
    },
    { args: [], set: {}, remove: [], scenario: 'add no annotations' },
    {
      args: ['a=b', 'c=d', 'e-'],
      set: { a: 'b', c: 'd' },
      remove: ['e'],
      scenario: 'add two annotations, remove one',
    },
    { args: ['ab', 'c=d'], err: 'invalid annotation format: ab', scenario: 'missing =value' },
    { args: ['a='], set: { a: '' }, remove: [], scenario: 'add valid annotation with empty value' },
    { args: ['ab', 'a='], err: 'invalid annotation format: ab', scenario: 'missing =value (2)' },
    { args: ['-'], err: 'invalid annotation format: -', scenario: 'missing key' },
    { args: ['=bar'], err: 'invalid annotation format: =bar', scenario: 'missing key (2)' },
  ];
  for (const t of table) {
    it(t.scenario, () => {
      if (t.err) {
        expect(() => parsePairs(t.args, 'annotation', true)).to.throw(t.err);
        return;
      }
      const { set, remove } = parsePairs(t.args, 'annotation', true);
      expect(Object.fromEntries(set)).to.deep.equal(t.set);
      expect(remove).to.deep.equal(t.remove);
    });
  }

  it('splits resources from pairs (GetResourcesAndPairs)', () => {
    expect(resourcesAndPairs(['pods', '-'], 'annotation')).to.deep.equal({
      resources: ['pods', '-'],
      pairs: [],
    });
    expect(resourcesAndPairs(['pods', '=bar'], 'annotation')).to.deep.equal({
      resources: ['pods', '=bar'],
      pairs: [],
    });
    expect(resourcesAndPairs(['pods-'], 'annotation')).to.deep.equal({ resources: [], pairs: ['pods-'] });
  });

  it('refuses to modify and remove the same annotation', () => {
    const c = withAnnotations({});
    expect(c.run('annotate deployment/web a=b c=d a-').stderr).to.equal(
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
    expect(c.run('annotate deployment/web a=b c=d a- c-').stderr).to.equal(
      'error: can not both modify and remove the following annotation(s) in the same command: a, c\n',
    );
  });
});

describe('kubectl annotate: updating (TestUpdateAnnotations, TestValidateAnnotationOverwrites)', () => {
  it('adds, overwrites only with --overwrite, removes, and always prints "annotated"', () => {
    const c = withAnnotations({ a: 'b' });
    expect(c.run('annotate deployment/web a=b').stdout).to.equal('deployment.apps/web annotated\n');
    expect(c.run('annotate deployment/web a=c c=C')).to.deep.equal({
      stdout: '',
      stderr:
        "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b)\n",
      exitCode: 1,
    });
    expect(live(c).metadata.annotations).to.deep.equal({ a: 'b' });
    expect(c.run('annotate deployment/web a=c --overwrite').exitCode).to.equal(0);
    expect(c.run('annotate deployment/web c=d e=f').exitCode).to.equal(0);
    expect(c.run('annotate deployment/web a- g-').stdout).to.equal('deployment.apps/web annotated\n');
    expect(live(c).metadata.annotations).to.deep.equal({ c: 'd', e: 'f' });
  });

  it('joins several refusals with "; "', () => {
    const c = withAnnotations({ a: 'A', b: 'B' });
    expect(c.run('annotate deployment/web a=a b=b').stderr).to.equal(
      "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (A); 'b' already has a value (B)\n",
    );
  });

  it('may always overwrite the change-cause, and a change bumps a Deployment generation', () => {
    const c = withAnnotations({ 'kubernetes.io/change-cause': 'old' });
    expect(c.run('annotate deployment/web kubernetes.io/change-cause=new').exitCode).to.equal(0);
    expect(live(c).metadata.annotations!['kubernetes.io/change-cause']).to.equal('new');
    expect(live(c).metadata.generation).to.equal(2);
    expect(c.run('annotate deployment/web kubernetes.io/change-cause=new').exitCode).to.equal(0);
    expect(live(c).metadata.generation).to.equal(2);
  });

  it('checks the resource version', () => {
    const c = withAnnotations({});
    expect(c.run('annotate deployment/web a=b --resource-version=1').stderr).to.match(
      /^Error from server \(Conflict\): Operation cannot be fulfilled on deployments\.apps "web"/,
    );
    const rv = live(c).metadata.resourceVersion;
    expect(c.run(`annotate deployment/web a=b --resource-version=${rv}`).exitCode).to.equal(0);
    expect(c.run('annotate deployment a=b --all --resource-version=1').stderr).to.equal(
      'error: --resource-version may only be used with a single resource\n',
    );
  });

  it('lists annotations, and leaves the object alone with --dry-run=client', () => {
    const c = withAnnotations({ b: '2', a: '1' });
    expect(c.run('annotate deployment/web --list').stdout).to.equal('a=1\nb=2\n');
    expect(c.run('annotate deployment --all --list').stdout).to.equal(
      'Listing annotations for Deployment.apps/web:\n a=1\n b=2\n',
    );
    expect(c.run('annotate deployment/web c=3 --dry-run=client').stdout).to.equal(
      'deployment.apps/web annotated (dry run)\n',
    );
    expect(live(c).metadata.annotations).to.deep.equal({ a: '1', b: '2' });
  });
});

describe('kubectl annotate: errors (TestAnnotateErrors)', () => {
  const cases: Array<[string, string]> = [
    [
      'annotate',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    ['annotate pods', 'error: at least one annotation update is required\n'],
    ['annotate pods -', 'error: at least one annotation update is required\n'],
    ['annotate pods =bar', 'error: at least one annotation update is required\n'],
    [
      'annotate pods-',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    [
      'annotate pods=bar',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    ['annotate pods a=b --all -l x=y', 'error: cannot set --all and --selector at the same time\n'],
    ['annotate pods a=b', 'error: resource(s) were provided, but no name was specified\n'],
  ];
  for (const [line, stderr] of cases) {
    it(line, () => {
      expect(new TestCluster().run(line)).to.deep.equal({ stdout: '', stderr, exitCode: 1 });
    });
  }
});
