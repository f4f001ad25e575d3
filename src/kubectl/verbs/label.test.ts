import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/types.js';
import { createDeployment } from '../rollout/fixtures.js';
import { TestCluster } from '../testing.js';
import { labelChangeMessage, parseLabels } from './label.js';

const live = (c: TestCluster) => c.store.get('Deployment', 'default', 'web') as Deployment;

describe('kubectl label: parsing (label_test.go TestParseLabels)', () => {
  const table: Array<{ labels: string[]; set?: Record<string, string>; remove?: string[]; err?: boolean }> = [
    { labels: ['a=b', 'c=d'], set: { a: 'b', c: 'd' }, remove: [] },
    { labels: [], set: {}, remove: [] },
    { labels: ['a=b', 'c=d', 'e-'], set: { a: 'b', c: 'd' }, remove: ['e'] },
    { labels: ['ab', 'c=d'], err: true },
    { labels: ['a=b', 'c=d', 'a-'], err: true },
    { labels: ['a='], set: { a: '' }, remove: [] },
    { labels: ['a=%^$'], err: true },
  ];
  for (const t of table) {
    it(JSON.stringify(t.labels), () => {
      if (t.err) {
        expect(() => parseLabels(t.labels)).to.throw();
        return;
      }
      const { set, remove } = parseLabels(t.labels);
      expect(Object.fromEntries(set)).to.deep.equal(t.set);
      expect(remove).to.deep.equal(t.remove);
    });
  }

  it('uses kubectl messages', () => {
    expect(() => parseLabels(['a=b=c'])).to.throw('invalid label spec: a=b=c');
    expect(() => parseLabels(['ab'])).to.throw('unknown label spec: ab');
    expect(() => parseLabels(['a=b', 'a-'])).to.throw(
      'can not both modify and remove a label in the same command',
    );
    expect(() => parseLabels(['a=%^$'])).to.throw(
      'invalid label value: "a=%^$": a valid label must be an empty string',
    );
  });
});

describe('kubectl label: messages (label_test.go TestLabelMsg, v1.33 semantics)', () => {
  // v1.33 accepts a label that already has the same value without --overwrite: nothing changes,
  // so the message is "not labeled" (the older table expected an error there).
  const table: Array<[Record<string, string>, Record<string, string>, string]> = [
    [{ a: 'b' }, { a: 'b' }, 'not labeled'],
    [{}, { a: 'b' }, 'labeled'],
    [{ a: 'b' }, { a: 'c' }, 'labeled'],
    [{ a: 'b' }, { a: 'b', c: 'd' }, 'labeled'],
    [{ a: 'b' }, {}, 'unlabeled'],
    [{ a: 'b', c: 'd' }, { c: 'd', e: 'f' }, 'label(s) changed'],
  ];
  for (const [before, after, message] of table) {
    it(`${JSON.stringify(before)} → ${JSON.stringify(after)}: ${message}`, () => {
      expect(labelChangeMessage(before, after)).to.equal(message);
    });
  }
});

describe('kubectl label', () => {
  it('labels, refuses to overwrite without --overwrite, removes, and says what happened', () => {
    const c = new TestCluster();
    createDeployment(c);
    expect(c.run('label deployment web tier=frontend').stdout).to.equal('deployment.apps/web labeled\n');
    expect(c.run('label deployment web tier=frontend').stdout).to.equal('deployment.apps/web not labeled\n');
    expect(c.run('label deployment web tier=backend')).to.deep.equal({
      stdout: '',
      stderr: "error: 'tier' already has a value (frontend), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(c.run('label deployment web tier=backend --overwrite').stdout).to.equal(
      'deployment.apps/web labeled\n',
    );
    expect(c.run('label deployment web tier- gone-').stdout).to.equal(
      'label "gone" not found.\ndeployment.apps/web unlabeled\n',
    );
    expect(c.run('label deployment web app- x=y').stdout).to.equal('deployment.apps/web label(s) changed\n');
    expect(live(c).metadata.labels).to.deep.equal({ x: 'y' });
    // Labels are metadata: the Deployment's generation stays.
    expect(live(c).metadata.generation).to.equal(1);
  });

  it('reports every refused key', () => {
    const c = new TestCluster();
    createDeployment(c);
    c.run('label deployment web a=1 b=2');
    expect(c.run('label deployment web a=x b=y').stderr).to.equal(
      "'a' already has a value (1), and --overwrite is false\n'b' already has a value (2), and --overwrite is false\n",
    );
  });

  it('lists labels, and --dry-run=client changes nothing', () => {
    const c = new TestCluster();
    createDeployment(c);
    expect(c.run('label deployment web --list').stdout).to.equal('app=web\n');
    expect(c.run('label deployment web a=b --dry-run=client').stdout).to.equal(
      'deployment.apps/web labeled (dry run)\n',
    );
    expect(live(c).metadata.labels).to.deep.equal({ app: 'web' });
  });

  // TestLabelErrors
  const errors: Array<[string, string]> = [
    ['label', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
    ['label pods', 'error: at least one label update is required\n'],
    ['label pods -', 'error: at least one label update is required\n'],
    ['label pods =bar', 'error: at least one label update is required\n'],
    [
      'label pods-',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    [
      'label pods=bar',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    ['label pods app=bar', 'error: resource(s) were provided, but no name was specified\n'],
    ['label pods,deployments app=bar', 'error: resource(s) were provided, but no name was specified\n'],
  ];
  for (const [line, stderr] of errors) {
    it(line, () => {
      expect(new TestCluster().run(line)).to.deep.equal({ stdout: '', stderr, exitCode: 1 });
    });
  }
});
