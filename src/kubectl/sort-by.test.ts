import { describe, it } from 'node:test';
import { expect } from 'chai';
import { sortObjects, sortTables } from './sort-by.js';

// Expected orders are what kubectl v1.33.1 printed for the same objects (scripts/oracle).
const named = (names: string[]) => names.map((name) => ({ metadata: { name } }));
const namesOf = (objects: Array<{ metadata: { name: string } }>) => objects.map((o) => o.metadata.name);

describe('sortObjects (--sort-by)', () => {
  it('orders plain strings bytewise, not naturally (kubectl >= v1.31)', () => {
    const objects = named([
      'nginx-68db6b8957-6l2rv',
      'broken-85c9d78679-st8wt',
      'nginx-68db6b8957-58z94',
      'broken-598db9f96c-vxm9v',
    ]);
    expect(namesOf(sortObjects(objects, '.metadata.name'))).to.deep.equal([
      'broken-598db9f96c-vxm9v',
      'broken-85c9d78679-st8wt',
      'nginx-68db6b8957-58z94',
      'nginx-68db6b8957-6l2rv',
    ]);
    const ips = [
      { metadata: { name: 'b' }, status: { podIP: '10.244.0.9' } },
      { metadata: { name: 'a' }, status: { podIP: '10.244.0.10' } },
    ];
    expect(namesOf(sortObjects(ips, '.status.podIP'))).to.deep.equal(['a', 'b']);
  });

  it('orders quantities by amount and puts objects without the field first', () => {
    const pod = (name: string, cpu?: string) => ({
      metadata: { name },
      spec: { containers: [{ resources: cpu ? { requests: { cpu } } : {} }] },
    });
    const objects = [pod('q1', '100'), pod('q2', '250m'), pod('q3', '100m'), pod('q4'), pod('q5', '1')];
    expect(namesOf(sortObjects(objects, '.spec.containers[0].resources.requests.cpu'))).to.deep.equal([
      'q4',
      'q3',
      'q2',
      'q5',
      'q1',
    ]);
  });

  it('sorts equal keys as Go 1.24 sort.Sort does (unstable beyond 12 items)', () => {
    const keys = [2, 2, 0, 0, 1, 0, 0, 1, 2, 0, 1, 1, 2, 0];
    const objects = keys.map((k, i) => ({
      metadata: { name: `p${String(i).padStart(2, '0')}`, labels: { k: `${k}` } },
    }));
    expect(namesOf(sortObjects(objects, '.metadata.labels.k')).map((n) => Number(n.slice(1)))).to.deep.equal([
      6, 9, 2, 3, 13, 5, 10, 11, 7, 4, 12, 1, 8, 0,
    ]);
  });

  it('rejects a field no object has, unless the list is empty', () => {
    expect(() => sortObjects(named(['a', 'b']), '.metadata.nope')).to.throw(
      `couldn't find any field with path "{.metadata.nope}" in the list of objects`,
    );
    expect(sortObjects([], '.metadata.nope')).to.deep.equal([]);
  });
});

describe('sortTables (--sort-by on get tables)', () => {
  it('sorts one table and drops it silently when no row has the field', () => {
    expect(sortTables([named(['b', 'a'])], '.metadata.name').map((t) => t && namesOf(t))).to.deep.equal([
      ['a', 'b'],
    ]);
    expect(sortTables([named(['b', 'a'])], '.metadata.nope')).to.deep.equal([undefined]);
    expect(sortTables([named(['a'])], '.metadata.nope')).to.deep.equal([named(['a'])]);
  });

  it('fails for several tables, which have no such field themselves', () => {
    expect(() => sortTables([named(['a']), named(['b'])], '.metadata.name')).to.throw(
      `couldn't find any field with path "{.metadata.name}" in the list of objects`,
    );
  });
});
