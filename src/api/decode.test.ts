import { describe, it } from 'node:test';
import { expect } from 'chai';
import { StatusError } from '../core/errors.js';
import { parseManifests } from './decode.js';

const STOP = 'if you choose to ignore these errors, turn validation off with --validate=false';

function single(text: string, source = 'STDIN') {
  const docs = parseManifests(text, source);
  expect(docs).to.have.length(1);
  return docs[0]!;
}

function serverError(text: string): string {
  const doc = single(text);
  expect(doc.error).to.be.instanceOf(StatusError);
  expect((doc.error as StatusError).reason).to.equal('BadRequest');
  return doc.error!.message;
}

const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;

describe('parseManifests: kubectl client-side checks', () => {
  it('skips empty, comment-only and null documents', () => {
    const docs = parseManifests(
      '---\n# only a comment\n---\nnull\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
      'STDIN',
    );
    expect(docs.map((d) => d.object?.metadata.name)).to.deep.equal(['a']);
    expect(docs[0]!.line).to.equal(6);
  });

  it('reports a missing kind as kubectl 1.33 validation does', () => {
    const doc = single('apiVersion: v1\nmetadata: {name: a}\n');
    expect(doc.fatal).to.equal(true);
    expect(doc.error!.message).to.equal(
      `error validating "STDIN": error validating data: kind not set; ${STOP}`,
    );
  });

  it('aggregates a missing apiVersion and kind', () => {
    const doc = single('metadata: {name: a}\n', 'pod.yaml');
    expect(doc.error!.message).to.equal(
      `error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; ${STOP}`,
    );
  });

  it('refuses a document that is not an object', () => {
    expect(single('- a\n- b\n').error!.message).to.equal(
      `error validating "STDIN": error validating data: invalid object to validate; ${STOP}`,
    );
  });

  it('stops reading after a validation error, like StreamVisitor', () => {
    const docs = parseManifests(
      'kind: Pod\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
      'STDIN',
    );
    expect(docs).to.have.length(1);
  });

  it('reports an unknown kind and goes on with the next document', () => {
    const docs = parseManifests(
      'apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web, namespace: prod}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
      'STDIN',
    );
    expect(docs.map((d) => d.error?.message ?? d.object!.kind)).to.deep.equal([
      'resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
      'resource mapping not found for name: "web" namespace: "prod" from "STDIN": no matches for kind "Deploymnet" in version "apps/v1"\nensure CRDs are installed first',
      'Namespace',
    ]);
  });

  it('does not map a kind to a group it is not served in', () => {
    const doc = single('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: x}\n');
    expect(doc.error!.message).to.contain('no matches for kind "Deployment" in version "extensions/v1beta1"');
  });

  it('flattens a v1 List', () => {
    const docs = parseManifests(
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n- {apiVersion: v1, kind: Namespace, metadata: {name: b}}\n',
      'STDIN',
    );
    expect(docs.map((d) => d.object?.metadata.name)).to.deep.equal(['a', 'b']);
  });

  it('reads a JSON stream', () => {
    const docs = parseManifests(
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}',
      'STDIN',
    );
    expect(docs.map((d) => d.object?.metadata.name)).to.deep.equal(['a', 'b']);
  });
});

describe('parseManifests: API server strict decoding', () => {
  it('names unknown fields by their full path, in the order the decoder meets them (sorted keys)', () => {
    const msg = serverError(
      deployment(
        '  replicaz: 3\n  template:\n    spec:\n      containers:\n      - name: web\n        imagee: nginx\n',
      ),
    );
    expect(msg).to.equal(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz", unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  it('orders unknown fields by key, not by position in the file', () => {
    const msg = serverError(
      'apiVersion: v1\nkind: Pod\nspec:\n  zeta: 1\nmetadata:\n  name: p\n  alpha: 1\n',
    );
    expect(msg).to.equal(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.alpha", unknown field "spec.zeta"',
    );
  });

  it('is case-sensitive', () => {
    expect(serverError(deployment('  Replicas: 3\n'))).to.contain('unknown field "spec.Replicas"');
  });

  // Go's encoding/json UnmarshalTypeError: struct holding the field, JSON path without indexes, Go type.
  const typeErrors: Array<[string, string, string]> = [
    [
      'replicas as a string',
      deployment('  replicas: "3"\n'),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'replicas not whole',
      deployment('  replicas: 1.5\n'),
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'paused as a string',
      deployment('  paused: "yes"\n'),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
    ],
    [
      'ports as a map',
      deployment(
        '  template:\n    spec:\n      containers:\n      - name: a\n        ports:\n          containerPort: 80\n',
      ),
      'json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort',
    ],
    [
      'a port given as a number',
      deployment('  template:\n    spec:\n      containers:\n      - name: a\n        ports: [80]\n'),
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.ports of type v1.ContainerPort',
    ],
    [
      'a number in args',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    args: [sleep, 10]\n',
      'json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string',
    ],
    [
      'a label value that YAML reads as a number',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    version: 1\n',
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    [
      'an env value YAML reads as a boolean',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    env:\n    - name: DEBUG\n      value: yes\n',
      'json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string',
    ],
    [
      'a protocol that is a number (a named Go string type)',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    protocol: 6\n',
      'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol',
    ],
    [
      'an int-or-string that is a boolean',
      deployment('  strategy:\n    rollingUpdate:\n      maxSurge: true\n'),
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ],
    [
      'terminationGracePeriodSeconds (int64)',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: "30"\n',
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    ],
  ];
  for (const [name, text, want] of typeErrors) {
    it(`type error: ${name}`, () => {
      const kind = /kind: (\w+)/.exec(text)![1];
      expect(serverError(text)).to.equal(`${kind} in version "v1" cannot be handled as a ${kind}: ${want}`);
    });
  }

  it('reports the first type error and no unknown fields when both occur', () => {
    const msg = serverError(deployment('  aaa: 1\n  replicas: "3"\n  revisionHistoryLimit: "x"\n'));
    expect(msg).to.equal(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  const quantities: Array<[string, string]> = [
    ['lots', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['5Gb', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1.2.3', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['5ki', "unable to parse quantity's suffix"],
    ['1K', "unable to parse quantity's suffix"],
  ];
  for (const [value, want] of quantities) {
    it(`rejects the quantity ${value}`, () => {
      const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      limits:\n        cpu: ${value}\n`;
      expect(serverError(text)).to.equal(`Pod in version "v1" cannot be handled as a Pod: ${want}`);
    });
  }

  it('stores quantities in canonical form and drops nulls', () => {
    const doc = single(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: null}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits: {cpu: 0.5, memory: 1.5Gi}\n      requests: {cpu: 1000m, memory: "128974848"}\n',
    );
    const c = (doc.object as unknown as { spec: { containers: Array<{ resources: unknown }> } }).spec
      .containers[0]!;
    expect(c.resources).to.deep.equal({
      limits: { cpu: '500m', memory: '1536Mi' },
      requests: { cpu: '1', memory: '128974848' },
    });
    expect(doc.object!.metadata).to.deep.equal({ name: 'p' });
  });

  it('turns unknown fields into warnings with fieldValidation Warn, and drops them', () => {
    const docs = parseManifests(deployment('  replicaz: 3\n'), 'STDIN', { fieldValidation: 'Warn' });
    expect(docs[0]!.warnings).to.deep.equal(['unknown field "spec.replicaz"']);
    expect(docs[0]!.object!.spec).to.deep.equal({});
  });
});
