import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goJson, goJsonIndent } from './go-json.js';

describe('goJson / goJsonIndent (encoding/json)', () => {
  it('sorts keys bytewise and escapes HTML characters as Go does', () => {
    expect(goJson({ b: 1, a: '<none> & "x"', C: [true, null] })).to.equal(
      '{"C":[true,null],"a":"\\u003cnone\\u003e \\u0026 \\"x\\"","b":1}',
    );
  });
  it('indents with four spaces and keeps empty maps and lists compact', () => {
    expect(goJsonIndent({ kind: 'List', items: [], metadata: { resourceVersion: '' }, x: {} })).to.equal(
      '{\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    },\n    "x": {}\n}',
    );
  });
  it('escapes control characters', () => {
    expect(goJson('a\nb\tc\u0001')).to.equal('"a\\nb\\tc\\u0001"');
  });
});
