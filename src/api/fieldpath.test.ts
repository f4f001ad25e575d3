import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatMap, podMetadataField } from './fieldpath.js';
import type { Pod } from './types.js';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'u-1',
    labels: { b: '2', a: 'x"y' },
    annotations: { note: 'hi' },
  },
};

describe('fieldpath (ExtractFieldPathAsString for pod metadata)', () => {
  it('formats maps as FormatMap does (sorted, quoted)', () => {
    expect(formatMap({ b: '2', a: 'x"y' })).to.equal('a="x\\"y"\nb="2"');
    expect(formatMap(undefined)).to.equal('');
  });

  it('extracts metadata paths, subscripts included, and nothing else', () => {
    const table: ReadonlyArray<[string, string | undefined]> = [
      ['metadata.name', 'web'],
      ['metadata.namespace', 'shop'],
      ['metadata.uid', 'u-1'],
      ['metadata.labels', 'a="x\\"y"\nb="2"'],
      ['metadata.annotations', 'note="hi"'],
      ["metadata.labels['b']", '2'],
      ["metadata.annotations['missing']", ''],
      ['spec.nodeName', undefined],
      ['metadata.generation', undefined],
    ];
    for (const [path, value] of table) expect(podMetadataField(pod, path), path).to.equal(value);
  });
});
