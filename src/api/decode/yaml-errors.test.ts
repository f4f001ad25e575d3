import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseManifests } from '../decode.js';

/**
 * Each case's expected message is what go-yaml v2.4.0 (through sigs.k8s.io/yaml, as kubectl
 * uses it) printed for the same document; kubectl shows it as
 * `error: error parsing STDIN: error converting YAML to JSON: <message>`.
 */
const CASES: Array<[string, string, string]> = [
  [
    'mapval_inline',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: app: web\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'mapval_indent_more',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n   selector: x\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'key_less_indent',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n    replicas: 3\n  selector: x\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'tab_indent',
    'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
    'yaml: line 4: found character that cannot start any token',
  ],
  [
    'unclosed_dq',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\nspec: {}\n',
    'yaml: line 6: found unexpected end of stream',
  ],
  [
    'unclosed_sq',
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'x\nspec: {}\n",
    'yaml: line 6: found unexpected end of stream',
  ],
  [
    'missing_colon',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name x\n  labels: {}\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'seq_bad_indent',
    'spec:\n  containers:\n  - name: a\n    image: b\n   - name: c\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'seq_after_map',
    'spec:\n  containers:\n    name: a\n  - name: c\n',
    'yaml: line 3: did not find expected key',
  ],
  [
    'list_item_misindent',
    'spec:\n  containers:\n  - name: a\n     image: b\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'unclosed_flow',
    'metadata:\n  labels: {app: web\nspec: {}\n',
    "yaml: line 2: did not find expected ',' or '}'",
  ],
  ['unclosed_flow_seq', 'args: [a, b\nspec: {}\n', "yaml: line 1: did not find expected ',' or ']'"],
  ['bad_char_at', 'metadata:\n  name: @x\n', 'yaml: line 2: found character that cannot start any token'],
  ['block_scalar_bad', 'a: |\nb\n', "yaml: line 3: could not find expected ':'"],
  [
    'deep',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        - containerPort: 80\n          protocol: TCP\n         name: http\n',
    'yaml: line 14: did not find expected key',
  ],
  [
    'deep3',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n  type: NodePort\n type2: x\n',
    'yaml: line 11: did not find expected key',
  ],
  ['first_line', 'a: b: c\n', 'yaml: mapping values are not allowed in this context'],
  ['quoted_then_text', 'a: "x" y\n', 'yaml: did not find expected key'],
  [
    'doc2_err',
    'apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: a: b\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
  [
    'dash_less',
    'spec:\n  containers:\n    - name: a\n  - name: b\n',
    'yaml: line 3: did not find expected key',
  ],
  ['value_next_less', 'metadata:\n  name:\n web\n', 'yaml: line 2: did not find expected key'],
  [
    'top_one_space',
    'apiVersion: v1\nkind: Pod\n spec: {}\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  [
    'cmd_unclosed',
    'spec:\n  containers:\n  - name: a\n    command: ["sh", "-c", "echo hi]\n    image: b\n',
    'yaml: line 6: found unexpected end of stream',
  ],
  [
    'colon_no_space_in_key',
    'metadata:\n  name:web\n  labels:\n    app:web\n',
    'yaml: line 3: mapping values are not allowed in this context',
  ],
  ['question', 'a: ?\n', 'yaml: mapping keys are not allowed in this context'],
  ['anchor_undefined', 'a: *x\n', "yaml: unknown anchor 'x' referenced"],
];

describe('YAML syntax errors in go-yaml wording', () => {
  for (const [name, text, want] of CASES) {
    it(name, () => {
      const docs = parseManifests(text, 'STDIN');
      const last = docs.at(-1)!;
      expect(last.fatal).to.equal(true);
      expect(last.error!.message).to.equal(`error parsing STDIN: error converting YAML to JSON: ${want}`);
    });
  }

  it('counts lines from the start of the failing document, as kubectl parses each on its own', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: a: b\n';
    const docs = parseManifests(text, 'x.yaml');
    expect(docs).to.have.length(2);
    expect(docs[0]!.object?.metadata.name).to.equal('a');
    expect(docs[1]!.line).to.equal(5);
    expect(docs[1]!.error!.message).to.equal(
      'error parsing x.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    );
  });

  it('stops at a separator followed by text (apimachinery YAMLReader)', () => {
    const docs = parseManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- x\nb: 2\n',
      'STDIN',
    );
    expect(docs.at(-1)!.error!.message).to.equal('error parsing STDIN: invalid Yaml document separator: x');
  });
});
