import { describe, it } from 'node:test';
import { expect } from 'chai';
import { type JsonSchema, type OpenAPIDocument, openAPIDocuments } from './openapi.js';
import { describe as describeSchema, extractEnum, fieldDetail, renderExplain, typeGuess } from './render.js';

const EMPTY: OpenAPIDocument = { openapi: '3.0.0', paths: {}, components: { schemas: {} } };
const CRV = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation';

describe('typeGuess (plaintext_test.go)', () => {
  const doc: OpenAPIDocument = {
    ...EMPTY,
    components: { schemas: { 'v1.Time': { type: 'string', format: 'date-time' } } },
  };
  const cases: Array<[string, JsonSchema, string]> = [
    ['Scalar', { type: 'string' }, 'string'],
    ['PrimitiveRef', { description: 'a cool field', $ref: '#/components/schemas/v1.Time' }, 'string'],
    ['ArrayUnknown', { description: 'a cool field', type: 'array' }, 'array'],
    ['ObjectTitle', { description: 'a cool field', type: 'object' }, 'Object'],
    ['ArrayOfScalar', { description: 'a cool field', type: 'array', items: { type: 'number' } }, '[]number'],
    [
      'ArrayOfAllOfRef',
      { description: 'a cool field', type: 'array', items: { type: 'object', allOf: [{ $ref: CRV }] } },
      '[]CustomResourceValidation',
    ],
    [
      'ArrayOfRef',
      { description: 'a cool field', type: 'array', items: { type: 'object', $ref: CRV } },
      '[]CustomResourceValidation',
    ],
    [
      'ArrayOfMap',
      {
        description: 'a cool field',
        type: 'array',
        items: { type: 'object', additionalProperties: { type: 'string' } },
      },
      '[]map[string]string',
    ],
    [
      'MapOfArrayOfScalar',
      {
        description: 'a cool field',
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      'map[string][]string',
    ],
    [
      'MapOfRef',
      {
        description: 'a cool field',
        type: 'object',
        additionalProperties: { type: 'string', allOf: [{ $ref: CRV }] },
      },
      'map[string]CustomResourceValidation',
    ],
    ['Unknown', { description: 'a cool field' }, 'Object'],
  ];
  for (const [name, schema, expected] of cases) {
    it(name, () => {
      expect(typeGuess(schema, doc)).to.equal(expected);
    });
  }
});

describe('fieldDetail (plaintext_test.go)', () => {
  const parent = (description: string): JsonSchema => ({
    type: 'object',
    description: 'a description that should not be printed',
    properties: { thefield: { type: 'string', description } },
    required: ['thefield'],
  });
  it('Required', () => {
    expect(fieldDetail('thefield', parent('not printed'), true, 0, EMPTY)).to.equal(
      'thefield\t<string> -required-\n',
    );
  });
  it('Description', () => {
    expect(fieldDetail('thefield', parent('a description that should be printed'), false, 0, EMPTY)).to.equal(
      'thefield\t<string> -required-\n  a description that should be printed\n\n',
    );
  });
  it('Indent', () => {
    expect(fieldDetail('thefield', parent('not printed'), true, 5, EMPTY)).to.equal(
      '          thefield\t<string> -required-\n',
    );
  });
  it('prints <no description> for a field without one', () => {
    expect(fieldDetail('f', { properties: { f: { type: 'integer' } } }, false, 1, EMPTY)).to.equal(
      '  f\t<integer>\n    <no description>\n\n',
    );
  });
});

describe('extractEnum (v1.33 template)', () => {
  const schema: JsonSchema = { type: 'string', enum: ['', 'A', 'B', 'C', 'D'] };
  it('prints nothing without values', () => {
    expect(extractEnum({ type: 'string', enum: [] }, false, 4)).to.equal('');
  });
  it('short view: a line of its own, at most four values, "" for the empty string', () => {
    expect(extractEnum(schema, false, 4, 2)).to.equal('\n  enum: "", A, B, C, ....');
  });
  it('long view: every value on its own line', () => {
    expect(extractEnum(schema, true, -1)).to.equal('ENUM:\n    ""\n    A\n    B\n    C\n    D');
  });
});

describe('description', () => {
  it('joins the field description with those of the types it refers to', () => {
    const doc: OpenAPIDocument = {
      ...EMPTY,
      components: { schemas: { T: { description: 'T is a type.', type: 'object' } } },
    };
    const field: JsonSchema = {
      description: 'A list.',
      type: 'array',
      items: { allOf: [{ $ref: '#/components/schemas/T' }] },
    };
    expect(describeSchema(field, doc)).to.equal('A list.\nT is a type.\n');
  });
});

describe('renderExplain (plaintext_test.go, on kubesim documents)', () => {
  const v1 = openAPIDocuments().get('api/v1')!;
  const pods = { group: '', version: 'v1', resource: 'pods' };

  it('ResourceNotFound', () => {
    expect(renderExplain(v1, { group: '', version: '', resource: '' }, [], false).error?.message).to.equal(
      'error: GVR (/, Resource=) not found in OpenAPI schema',
    );
  });
  it('SchemaFound', () => {
    expect(renderExplain(v1, pods, [], false).out).to.contain(
      'Pod is a collection of containers that can run on a host.',
    );
  });
  it('SchemaFieldPathNotFound: names the last element', () => {
    const r = renderExplain(v1, pods, ['does', 'not', 'exist'], false);
    expect(r.error?.message).to.equal('error: field "exist" does not exist');
    expect(r.out).to.equal('KIND:       Pod\nVERSION:    v1\n\n');
  });
  it('SchemaFieldPathShallow', () => {
    expect(renderExplain(v1, pods, ['kind'], false).out).to.contain('FIELD: kind <string>');
  });
  it('SchemaFieldPathDeep', () => {
    expect(renderExplain(v1, pods, ['spec', 'securityContext', 'runAsUser'], false).out).to.contain(
      'FIELD: runAsUser <integer>',
    );
  });
  it('SchemaFieldPathViaList', () => {
    expect(renderExplain(v1, pods, ['spec', 'containers', 'name'], false).out).to.contain(
      'FIELD: name <string>',
    );
  });
  it('SchemaAllFields: every field with its description', () => {
    const out = renderExplain(v1, pods, ['spec', 'dnsConfig'], false).out;
    for (const name of ['nameservers', 'options', 'searches']) expect(out).to.contain(`  ${name}\t<`);
    expect(out).to.contain('    A list of DNS name server IP addresses.');
  });
  it('SchemaAllFieldsRecursive: nested fields, no descriptions', () => {
    const out = renderExplain(v1, pods, ['spec', 'dnsConfig'], true).out;
    expect(out).to.contain('  options\t<[]PodDNSConfigOption>\n    name\t<string>\n    value\t<string>\n');
    expect(out).not.to.contain('A list of DNS name server IP addresses.');
  });

  // A recursive schema (like JSONSchemaProps) and a map of structs, as the CRD document has them.
  const node = '#/components/schemas/example.v1.Node';
  const doc: OpenAPIDocument = {
    openapi: '3.0.0',
    paths: {
      '/apis/example.com/v1/trees': {
        get: { 'x-kubernetes-group-version-kind': { group: 'example.com', kind: 'Tree', version: 'v1' } },
      },
    },
    components: {
      schemas: {
        'example.v1.Tree': {
          description: 'A tree.',
          type: 'object',
          properties: { root: { description: 'The root.', allOf: [{ $ref: node }] } },
          'x-kubernetes-group-version-kind': [{ group: 'example.com', kind: 'Tree', version: 'v1' }],
        },
        'example.v1.Node': {
          description: 'A node.',
          type: 'object',
          properties: {
            children: { type: 'object', additionalProperties: { $ref: node } },
            value: { type: 'string', description: 'default is a default value' },
          },
        },
      },
    },
  };
  const trees = { group: 'example.com', version: 'v1', resource: 'trees' };
  it('SchemaFieldPathViaMap', () => {
    expect(renderExplain(doc, trees, ['root', 'children', 'value'], false).out).to.contain(
      'FIELD: value <string>\n\n\nDESCRIPTION:\n    default is a default value\n',
    );
  });
  it('SchemaFieldPathRecursive: a path may walk through a recursive type', () => {
    expect(
      renderExplain(doc, trees, ['root', 'children', 'children', 'children', 'value'], false).out,
    ).to.contain('default is a default value');
  });
  it('--recursive stops at a type already being printed', () => {
    expect(renderExplain(doc, trees, [], true).out).to.equal(
      [
        'GROUP:      example.com',
        'KIND:       Tree',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    A tree.',
        '    ',
        'FIELDS:',
        '  root\t<Node>',
        '    children\t<map[string]Node>',
        '    value\t<string>',
        '',
        '',
      ].join('\n'),
    );
  });
});
