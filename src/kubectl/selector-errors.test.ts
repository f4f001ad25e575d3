import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Pod } from '../api/types.js';
import { TestCluster } from './testing.js';

/**
 * How kubectl v1.33 reports selectors: -l and --field-selector go to the API server unparsed, so
 * a bad one comes back from each list as BadRequest, prefixed by cli-runtime's EnhanceListError;
 * for objects read from files kubectl parses -l itself (visitByPaths).
 */
function cluster(): TestCluster {
  const c = new TestCluster();
  const pod = (name: string, phase: string): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase },
  });
  c.create(pod('web-1', 'Running'));
  c.create(pod('web-2', 'Pending'));
  const deploy: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  };
  c.create(deploy);
  return c;
}

const PODS = '"/v1, Resource=pods"';
const DEPLOYMENTS = '"apps/v1, Resource=deployments"';
const unableToFind = (resource: string, label: string, field: string, message: string) =>
  `Error from server (BadRequest): Unable to find ${resource} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${message}\n`;

describe('kubectl: label selectors the API server cannot parse', () => {
  it("get pods -l 'x in (a'", () => {
    expect(cluster().run("get pods -l 'x in (a'")).to.deep.equal({
      stdout: '',
      stderr: unableToFind(
        PODS,
        'x in (a',
        '',
        "unable to parse requirement: found '', expected: ',' or ')'",
      ),
      exitCode: 1,
    });
  });

  it('reports each list, with the selector as kubectl sent it (trimmed)', () => {
    const r = cluster().run("get pods,deploy -l ' app:web '");
    const message =
      "unable to parse requirement: <nil>: Invalid value: \"app:web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    expect(r.stderr).to.equal(
      unableToFind(PODS, 'app:web', '', message) + unableToFind(DEPLOYMENTS, 'app:web', '', message),
    );
    expect(r.exitCode).to.equal(1);
  });

  it('the errors that are not about one requirement have no prefix', () => {
    expect(cluster().run('get pods -l x==a==b').stderr).to.equal(
      unableToFind(PODS, 'x==a==b', '', "found '==', expected: ',' or 'end of string'"),
    );
    expect(cluster().run('get pods -l app=web,').stderr).to.equal(
      unableToFind(PODS, 'app=web,', '', "found '', expected: identifier after ','"),
    );
  });

  it('the same in describe, delete, scale and logs', () => {
    const c = cluster();
    const bad = "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt";
    for (const line of [
      "describe pods -l 'x nott in (y)'",
      "delete pods -l 'x nott in (y)'",
      "logs -l 'x nott in (y)'",
    ]) {
      const r = c.run(line);
      expect(r.stderr, line).to.equal(unableToFind(PODS, 'x nott in (y)', '', bad));
      expect(r.exitCode, line).to.equal(1);
    }
    expect(c.run("scale deploy -l 'x nott in (y)' --replicas=3").stderr).to.equal(
      unableToFind(DEPLOYMENTS, 'x nott in (y)', '', bad),
    );
    expect(c.store.list('Pod')).to.have.length(2);
  });

  it('selects with set-based requirements', () => {
    const c = cluster();
    expect(c.run("get pods -l 'app in (web,api),!canary' -o name").stdout).to.equal('pod/web-1\npod/web-2\n');
    expect(c.run("get pods -l 'app notin (web)'").stderr).to.equal(
      'No resources found in default namespace.\n',
    );
  });

  it('for files, kubectl parses -l itself: a client-side error', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    const r = cluster().run("apply -f - -l 'x in (a'", { stdin: manifest });
    expect(r.stderr).to.equal(
      `error: the provided selector "x in (a" is not valid: unable to parse requirement: found '', expected: ',' or ')'\n`,
    );
    expect(r.exitCode).to.equal(1);
  });
});

describe('kubectl: field selectors', () => {
  it('selects on the fields a kind supports', () => {
    const c = cluster();
    expect(c.run('get pods --field-selector status.phase=Running -o name').stdout).to.equal('pod/web-1\n');
    expect(c.run('get pods --field-selector status.phase!=Running,metadata.name!=x -o name').stdout).to.equal(
      'pod/web-2\n',
    );
  });

  it('a field the kind cannot be selected by is the server BadRequest', () => {
    const c = cluster();
    expect(c.run('get pods --field-selector spec.foo=1').stderr).to.equal(
      unableToFind(PODS, '', 'spec.foo=1', 'field label not supported: spec.foo'),
    );
    // Spaces belong to the field name.
    expect(c.run("get pods --field-selector 'status.phase = Running'").stderr).to.equal(
      unableToFind(PODS, '', 'status.phase = Running', 'field label not supported: status.phase '),
    );
    expect(c.run('get pods,deploy --field-selector status.phase=Running -o name')).to.deep.equal({
      stdout: 'pod/web-1\n',
      stderr: unableToFind(
        DEPLOYMENTS,
        '',
        'status.phase=Running',
        '"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"',
      ),
      exitCode: 1,
    });
  });

  it('parse errors, and the label selector error first', () => {
    const c = cluster();
    expect(c.run('get pods --field-selector status.phase=a=b').stderr).to.equal(
      unableToFind(PODS, '', 'status.phase=a=b', 'invalid field selector: unescaped character in value: 61'),
    );
    expect(c.run('delete pods --field-selector foo').stderr).to.equal(
      unableToFind(PODS, '', 'foo', "invalid selector: 'foo'; can't understand 'foo'"),
    );
    expect(c.run("get pods -l '(' --field-selector foo").stderr).to.equal(
      unableToFind(PODS, '(', 'foo', "found '(', expected: !, identifier, or 'end of string'"),
    );
  });
});
