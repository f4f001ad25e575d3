/**
 * The go-template printer against real kubectl v1.33.1: testdata/real-kubectl.json holds 236
 * templates (Go's text/template exec_test.go and parse_test.go cases adapted to a JSON object,
 * kubectl's own functions, fmt verbs, errors) with what the real binary printed, with
 * --allow-missing-template-keys true and false. Also cli-runtime printers/template_test.go.
 */
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { compileGoTemplate, runGoTemplate, TemplateParseError } from './printer.js';

interface Expected {
  stdout: string;
  stderr: string;
  exitCode: number;
  debug: boolean;
}

const fixture = JSON.parse(
  readFileSync(new URL('./testdata/real-kubectl.json', import.meta.url), 'utf8'),
) as {
  object: Record<string, unknown>;
  cases: { template: string; lenient: Expected; strict?: Expected }[];
};

/** What kubectl prints for the template, as the real binary's streams. */
function run(template: string, object: unknown, allowMissingKeys: boolean): Expected {
  let t: ReturnType<typeof compileGoTemplate>;
  try {
    t = compileGoTemplate(template);
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    return {
      stdout: '',
      stderr: `error: error parsing template ${template}, ${e.message}\n`,
      exitCode: 1,
      debug: false,
    };
  }
  const r = runGoTemplate(t, object, allowMissingKeys);
  if (r.error === undefined) return { stdout: r.stdout, stderr: '', exitCode: 0, debug: false };
  const cut = r.stdout.indexOf('Error executing template: ');
  return { stdout: r.stdout.slice(0, cut), stderr: `error: ${r.error}\n`, exitCode: 1, debug: cut >= 0 };
}

describe('go-template: the same output as kubectl v1.33', () => {
  for (const c of fixture.cases) {
    it(JSON.stringify(c.template), () => {
      expect(run(c.template, fixture.object, true)).to.deep.equal(c.lenient);
      expect(run(c.template, fixture.object, false)).to.deep.equal(c.strict ?? c.lenient);
    });
  }

  it('prints the debugging block on stdout when execution fails', () => {
    const r = runGoTemplate(compileGoTemplate('{{.kind}} {{.extra.n.x}}'), fixture.object, true);
    expect(r.stdout).to.equal(
      'ConfigMap Error executing template: template: output:1:18: executing "output" at <.extra.n.x>: ' +
        'nil pointer evaluating interface {}.x. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{{.kind}} {{.extra.n.x}}\n' +
        '\traw data was:\n\t\t{"apiVersion":"v1","data":{"a":"b"},"extra":{"f":1.5,"i":3,"l":[1,"a",{"y":[true,null],"z":1}],"n":null},"kind":"ConfigMap","metadata":{"labels":{"a":"b"},"name":"x"}}\n' +
        '\tobject given to template engine was:\n\t\tmap[apiVersion:v1 data:map[a:b] extra:map[f:1.5 i:3 l:[1 a map[y:[true <nil>] z:1]] n:<nil>] kind:ConfigMap metadata:map[labels:map[a:b] name:x]]\n\n',
    );
    expect(r.error).to.equal(
      'error executing template "{{.kind}} {{.extra.n.x}}": template: output:1:18: executing "output" at <.extra.n.x>: nil pointer evaluating interface {}.x',
    );
  });
});

describe('go-template: cli-runtime printers/template_test.go', () => {
  const cases: { name: string; template: string; obj: unknown; out?: string; err?: string }[] = [
    {
      name: 'support base64 decoding of secret data',
      template: '{{ .data.username | base64decode }}',
      obj: { apiVersion: 'v1', kind: 'Secret', data: { username: Buffer.from('hunter').toString('base64') } },
      out: 'hunter',
    },
    {
      name: 'test error path for base64 decoding',
      template: '{{ .data.username | base64decode }}',
      obj: { apiVersion: 'v1', data: { username: '--THIS IS NOT BASE64--' }, kind: 'Secret' },
      err: 'base64 decode',
    },
    {
      name: "template 'eq' should not throw error for numbers",
      template: '{{ eq .count 1}}',
      obj: { apiVersion: 'v1', kind: 'Event', count: 1 },
      out: 'true',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = runGoTemplate(compileGoTemplate(c.template), c.obj, true);
      if (c.err) expect(r.error).to.contain(c.err);
      else {
        expect(r.error).to.equal(undefined);
        expect(r.stdout).to.equal(c.out);
      }
    });
  }
});
