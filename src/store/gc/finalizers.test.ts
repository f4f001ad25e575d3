import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  defaultGarbageCollectionPolicy,
  deletionFinalizersForGarbageCollection,
  FINALIZER_DELETE_DEPENDENTS as FG,
  type GarbageCollectionPolicy,
  FINALIZER_ORPHAN as ORPHAN,
  type PropagationPolicy,
} from './finalizers.js';

// The two REST strategies of upstream's registry tests: defaultDeleteStrategy implements no
// GarbageCollectionDeleteStrategy; orphanDeleteStrategy's default policy is OrphanDependents.
const DEFAULT: GarbageCollectionPolicy = undefined;
const ORPHAN_DEFAULT: GarbageCollectionPolicy = 'OrphanDependents';

/** After the delete request: its finalizers, or undefined when the (non-graceful) object is gone. */
function afterDelete(
  existing: string[],
  policy: PropagationPolicy | undefined,
  strategy: GarbageCollectionPolicy,
): string[] | undefined {
  const { finalizers } = deletionFinalizersForGarbageCollection(existing, policy, strategy);
  return finalizers.length > 0 ? [...finalizers] : undefined;
}

describe('deletionFinalizersForGarbageCollection', () => {
  // staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store_test.go TestStoreDeletionPropagation
  const propagation: Array<{
    name: string;
    policy: PropagationPolicy | undefined;
    strategy: GarbageCollectionPolicy;
    existing: string[];
    expected: string[] | undefined; // undefined: expectedNotFound
  }> = [
    {
      name: 'no existing, Foreground, default',
      policy: 'Foreground',
      strategy: DEFAULT,
      existing: [],
      expected: [FG],
    },
    {
      name: 'no existing, Foreground, orphan',
      policy: 'Foreground',
      strategy: ORPHAN_DEFAULT,
      existing: [],
      expected: [FG],
    },
    {
      name: 'no existing, Background, default',
      policy: 'Background',
      strategy: DEFAULT,
      existing: [],
      expected: undefined,
    },
    {
      name: 'no existing, Background, orphan',
      policy: 'Background',
      strategy: ORPHAN_DEFAULT,
      existing: [],
      expected: undefined,
    },
    {
      name: 'no existing, Orphan, default',
      policy: 'Orphan',
      strategy: DEFAULT,
      existing: [],
      expected: [ORPHAN],
    },
    {
      name: 'no existing, Orphan, orphan',
      policy: 'Orphan',
      strategy: ORPHAN_DEFAULT,
      existing: [],
      expected: [ORPHAN],
    },
    {
      name: 'no existing, Default, default',
      policy: undefined,
      strategy: DEFAULT,
      existing: [],
      expected: undefined,
    },
    {
      name: 'no existing, Default, orphan',
      policy: undefined,
      strategy: ORPHAN_DEFAULT,
      existing: [],
      expected: [ORPHAN],
    },
    {
      name: 'orphan, Foreground, default',
      policy: 'Foreground',
      strategy: DEFAULT,
      existing: [ORPHAN],
      expected: [FG],
    },
    {
      name: 'orphan, Foreground, orphan',
      policy: 'Foreground',
      strategy: ORPHAN_DEFAULT,
      existing: [ORPHAN],
      expected: [FG],
    },
    {
      name: 'orphan, Background, default',
      policy: 'Background',
      strategy: DEFAULT,
      existing: [ORPHAN],
      expected: undefined,
    },
    {
      name: 'orphan, Background, orphan',
      policy: 'Background',
      strategy: ORPHAN_DEFAULT,
      existing: [ORPHAN],
      expected: undefined,
    },
    {
      name: 'orphan, Orphan, default',
      policy: 'Orphan',
      strategy: DEFAULT,
      existing: [ORPHAN],
      expected: [ORPHAN],
    },
    {
      name: 'orphan, Orphan, orphan',
      policy: 'Orphan',
      strategy: ORPHAN_DEFAULT,
      existing: [ORPHAN],
      expected: [ORPHAN],
    },
    {
      name: 'orphan, Default, default',
      policy: undefined,
      strategy: DEFAULT,
      existing: [ORPHAN],
      expected: [ORPHAN],
    },
    {
      name: 'orphan, Default, orphan',
      policy: undefined,
      strategy: ORPHAN_DEFAULT,
      existing: [ORPHAN],
      expected: [ORPHAN],
    },
    {
      name: 'deleteDependents, Foreground, default',
      policy: 'Foreground',
      strategy: DEFAULT,
      existing: [FG],
      expected: [FG],
    },
    {
      name: 'deleteDependents, Foreground, orphan',
      policy: 'Foreground',
      strategy: ORPHAN_DEFAULT,
      existing: [FG],
      expected: [FG],
    },
    {
      name: 'deleteDependents, Background, default',
      policy: 'Background',
      strategy: DEFAULT,
      existing: [FG],
      expected: undefined,
    },
    {
      name: 'deleteDependents, Background, orphan',
      policy: 'Background',
      strategy: ORPHAN_DEFAULT,
      existing: [FG],
      expected: undefined,
    },
    {
      name: 'deleteDependents, Orphan, default',
      policy: 'Orphan',
      strategy: DEFAULT,
      existing: [FG],
      expected: [ORPHAN],
    },
    {
      name: 'deleteDependents, Orphan, orphan',
      policy: 'Orphan',
      strategy: ORPHAN_DEFAULT,
      existing: [FG],
      expected: [ORPHAN],
    },
    {
      name: 'deleteDependents, Default, default',
      policy: undefined,
      strategy: DEFAULT,
      existing: [FG],
      expected: [FG],
    },
    {
      name: 'deleteDependents, Default, orphan',
      policy: undefined,
      strategy: ORPHAN_DEFAULT,
      existing: [FG],
      expected: [FG],
    },
  ];
  for (const tc of propagation) {
    it(`TestStoreDeletionPropagation: ${tc.name}`, () => {
      expect(afterDelete(tc.existing, tc.policy, tc.strategy)).to.deep.equal(tc.expected);
    });
  }

  // TestStoreDeleteWithOrphanDependents. DeleteOptions.OrphanDependents (deprecated) is the same
  // request as propagationPolicy Orphan (true) or Background (false); nil options are no policy.
  const withOrphan = ['foo.com/x', ORPHAN, 'bar.com/y'];
  const others = ['foo.com/x', 'bar.com/y'];
  const orphanDependents: Array<
    [string, string[], PropagationPolicy | undefined, GarbageCollectionPolicy, string[] | undefined]
  > = [
    ['pod1', withOrphan, 'Orphan', DEFAULT, withOrphan],
    ['pod2', others, 'Orphan', DEFAULT, ['foo.com/x', 'bar.com/y', ORPHAN]],
    ['pod3', [], 'Orphan', DEFAULT, [ORPHAN]],
    ['pod4', [ORPHAN], 'Orphan', DEFAULT, [ORPHAN]],
    ['pod5', withOrphan, 'Background', ORPHAN_DEFAULT, others],
    ['pod6', others, 'Background', ORPHAN_DEFAULT, others],
    ['pod7', [], 'Background', ORPHAN_DEFAULT, undefined],
    ['pod8', [ORPHAN], 'Background', ORPHAN_DEFAULT, undefined],
    ['pod9', withOrphan, undefined, DEFAULT, withOrphan],
    ['pod10', withOrphan, undefined, ORPHAN_DEFAULT, withOrphan],
    ['pod11', others, undefined, DEFAULT, others],
    ['pod12', others, undefined, ORPHAN_DEFAULT, ['foo.com/x', 'bar.com/y', ORPHAN]],
    ['pod13', [], undefined, DEFAULT, undefined],
    ['pod14', [], undefined, ORPHAN_DEFAULT, [ORPHAN]],
    ['pod15', [ORPHAN], undefined, DEFAULT, [ORPHAN]],
    ['pod16', [ORPHAN], undefined, ORPHAN_DEFAULT, [ORPHAN]],
  ];
  for (const [name, existing, policy, strategy, expected] of orphanDependents) {
    it(`TestStoreDeleteWithOrphanDependents: ${name}`, () => {
      expect(afterDelete(existing, policy, strategy)).to.deep.equal(expected);
    });
  }

  it('keeps the finalizers as they were (order included) when the set does not change', () => {
    const existing = [ORPHAN, 'foo.com/x'];
    const result = deletionFinalizersForGarbageCollection(existing, 'Orphan', undefined);
    expect(result.changed).to.equal(false);
    expect(result.finalizers).to.equal(existing);
  });

  it('adds nothing for a kind whose strategy does not support garbage collection (Events)', () => {
    expect(defaultGarbageCollectionPolicy('Event')).to.equal('Unsupported');
    expect(deletionFinalizersForGarbageCollection([], 'Orphan', 'Unsupported')).to.deep.equal({
      changed: false,
      finalizers: [],
    });
    expect(deletionFinalizersForGarbageCollection([], 'Foreground', 'Unsupported').changed).to.equal(false);
  });

  it('gives apps/v1 Deployments and ReplicaSets DeleteDependents: nothing is added by default', () => {
    expect(defaultGarbageCollectionPolicy('Deployment')).to.equal('DeleteDependents');
    expect(defaultGarbageCollectionPolicy('ReplicaSet')).to.equal('DeleteDependents');
    expect(defaultGarbageCollectionPolicy('Pod')).to.equal(undefined);
    expect(afterDelete([], undefined, 'DeleteDependents')).to.equal(undefined);
  });
});
