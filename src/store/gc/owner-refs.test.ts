import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { OwnerReference } from '../../api/types.js';
import {
  blocksOwner,
  referencesDiffs,
  unblockedOwners,
  unblockOwnerReferences,
  withoutOwners,
} from './owner-refs.js';

const ref = (uid: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: `rs-${uid}`,
  uid,
  ...extra,
});

describe('owner reference edits', () => {
  // pkg/controller/garbagecollector/garbagecollector_test.go TestDeleteOwnerRefPatch
  it('TestDeleteOwnerRefPatch: drops the references to the given owners', () => {
    expect(withoutOwners([ref('1'), ref('2'), ref('3')], ['2', '3'])).to.deep.equal([ref('1')]);
  });

  it('leaves no ownerReferences at all when the last one goes', () => {
    expect(withoutOwners([ref('1')], ['1'])).to.equal(undefined);
    expect(withoutOwners(undefined, ['1'])).to.equal(undefined);
  });

  // TestUnblockOwnerReference
  it('TestUnblockOwnerReference: blocking references stop blocking, the others stay as they are', () => {
    const original = [
      ref('1', { blockOwnerDeletion: true }),
      ref('2', { blockOwnerDeletion: false }),
      ref('3'),
    ];
    expect(unblockOwnerReferences(original)).to.deep.equal([
      ref('1', { blockOwnerDeletion: false }),
      ref('2', { blockOwnerDeletion: false }),
      ref('3'),
    ]);
  });

  it('tells whether a reference blocks its owner’s foreground deletion', () => {
    const refs = [ref('1', { blockOwnerDeletion: true }), ref('2', { blockOwnerDeletion: false }), ref('3')];
    expect(['1', '2', '3', '4'].map((uid) => blocksOwner(refs, uid))).to.deep.equal([
      true,
      false,
      false,
      false,
    ]);
  });

  // BenchmarkReferencesDiffs' data, and the cases addUnblockedOwnersToDeleteQueue looks at.
  it('referencesDiffs: matches references by uid', () => {
    const diff = referencesDiffs([ref('1'), ref('2')], [ref('2'), ref('3')]);
    expect(diff.added).to.deep.equal([ref('3')]);
    expect(diff.removed).to.deep.equal([ref('1')]);
    expect(diff.changed).to.deep.equal([]);
  });

  it('unblocks the owners of removed blocking references and of references that stop blocking', () => {
    const before = [
      ref('removed-blocking', { blockOwnerDeletion: true }),
      ref('removed-plain'),
      ref('unblocked', { blockOwnerDeletion: true }),
      ref('still-blocking', { blockOwnerDeletion: true }),
    ];
    const after = [
      ref('unblocked', { blockOwnerDeletion: false }),
      ref('still-blocking', { blockOwnerDeletion: true }),
    ];
    expect(unblockedOwners(referencesDiffs(before, after)).map((r) => r.uid)).to.deep.equal([
      'removed-blocking',
      'unblocked',
    ]);
  });
});
