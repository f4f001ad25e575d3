/**
 * `kubectl get` with go-template output, through the command line: the format spellings
 * (template_flags.go and get's PrintFlags), the List a template sees, and the split of a failed
 * template between stdout and stderr. Expected texts were checked against kubectl v1.33.1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster } from '../../testing.js';

function cluster(): TestCluster {
  const c = new TestCluster();
  for (const name of ['b', 'a']) {
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: name } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
  }
  return c;
}

describe('kubectl get -o go-template', () => {
  it('accepts every spelling of the format', () => {
    const c = cluster();
    const names = '{{range .items}}{{.metadata.name}} {{end}}';
    for (const line of [
      `get pods -o go-template='${names}'`,
      `get pods -o template='${names}'`,
      `get pods -o go-template --template='${names}'`,
      `get pods -o template --template='${names}'`,
      `get pods --template='${names}'`,
    ]) {
      const r = c.run(line);
      expect(r.stderr, line).to.equal('');
      expect(r.stdout, line).to.equal('a b ');
    }
  });

  it('reads the template from a file with go-template-file and templatefile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-gotemplate-'));
    const file = join(dir, 'names.tmpl');
    writeFileSync(file, '{{.metadata.name}}\n');
    const c = cluster();
    expect(c.run(`get pod a -o go-template-file=${file}`).stdout).to.equal('a\n');
    expect(c.run(`get pod a -o templatefile --template ${file}`).stdout).to.equal('a\n');
    const missing = c.run(`get pod a -o go-template-file=${join(dir, 'nope')}`);
    expect(missing.stderr).to.equal(
      `error: error reading --template ${join(dir, 'nope')}, open ${join(dir, 'nope')}: no such file or directory\n`,
    );
  });

  it('gives one object asked for by name, else the List kubectl builds', () => {
    const c = cluster();
    expect(c.run("get pod a -o go-template='{{.kind}} {{.metadata.name}}'").stdout).to.equal('Pod a');
    expect(
      c.run("get pods -l app=a -o go-template='{{.kind}} {{.apiVersion}} {{.metadata}} {{len .items}}'")
        .stdout,
    ).to.equal('List v1 map[resourceVersion:] 1');
  });

  it('--template does not override an explicit -o yaml', () => {
    const c = cluster();
    expect(c.run("get pod a -o name --template='{{.kind}}'").stdout).to.equal('pod/a\n');
  });

  it('prints what the template wrote before failing, then the debugging block, on stdout', () => {
    const c = cluster();
    const r = c.run("get pod a -o go-template='{{.metadata.name}}:{{index .spec.containers 3}}'");
    expect(r.exitCode).to.equal(1);
    expect(r.stdout).to.match(
      /^a:Error executing template: template: output:1:21: executing "output" at <index .spec.containers 3>: error calling index: index out of range: 3\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\{\.metadata\.name\}\}:\{\{index \.spec\.containers 3\}\}\n\traw data was:\n\t\t\{"apiVersion":"v1","kind":"Pod",/,
    );
    expect(r.stderr).to.equal(
      'error: error executing template "{{.metadata.name}}:{{index .spec.containers 3}}": template: output:1:21: executing "output" at <index .spec.containers 3>: error calling index: index out of range: 3\n',
    );
  });

  it('reports a template that does not parse before fetching anything', () => {
    const c = cluster();
    const r = c.run("get pods/nope -o go-template='{{range .items}}'");
    expect(r.stderr).to.equal(
      'error: error parsing template {{range .items}}, template: output:1: unexpected EOF\n',
    );
  });
});
