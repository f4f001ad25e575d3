import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Json } from '../../apply/strategic-merge.js';
import { applyJsonPatch, JsonPatchDecodeError, JsonPatchError } from './json-patch.js';

describe('applyJsonPatch (RFC 6902)', () => {
  // RFC 6902 Appendix A examples that succeed: document, patch, result.
  const table: Array<[string, Json, Json, Json]> = [
    [
      'A.1 add an object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { baz: 'qux', foo: 'bar' },
    ],
    [
      'A.2 add an array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    [
      'A.3 remove an object member',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'remove', path: '/baz' }],
      { foo: 'bar' },
    ],
    [
      'A.4 remove an array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'A.5 replace a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'A.7 move an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'A.8 test a value',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'A.10 add a nested member object',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'A.14 ~ escape ordering',
      { '/': 9, '~1': 10 },
      [{ op: 'test', path: '/~01', value: 10 }],
      { '/': 9, '~1': 10 },
    ],
    [
      'A.16 add an array value',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    ['copy', { a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }], { a: { b: 1 }, c: { b: 1 } }],
  ];
  for (const [name, doc, patch, result] of table) {
    it(name, () => {
      expect(applyJsonPatch(doc, patch)).to.deep.equal(result);
    });
  }

  it('fails: A.9 a failed test, A.12 adding to a missing target, replacing a missing key', () => {
    expect(() => applyJsonPatch({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).to.throw(
      JsonPatchError,
    );
    expect(() => applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).to.throw(
      JsonPatchError,
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    );
    expect(() => applyJsonPatch({ spec: {} }, [{ op: 'replace', path: '/spec/foo', value: 1 }])).to.throw(
      'replace operation does not apply: doc is missing key: /spec/foo: missing value',
    );
    expect(() => applyJsonPatch({}, [{ op: 'frobnicate', path: '/a' }])).to.throw(
      'Unexpected kind: frobnicate',
    );
  });

  it('A patch that is not a list of operations cannot be decoded', () => {
    expect(() => applyJsonPatch({}, { op: 'add' })).to.throw(
      JsonPatchDecodeError,
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  });
});
