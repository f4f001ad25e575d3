import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject, Pod, ReplicaSet } from '../api/types.js';
import { type DeleteOptions, type DeletionPlan, planDeletion } from './deletion.js';
import { FINALIZER_DELETE_DEPENDENTS as FG, FINALIZER_ORPHAN as ORPHAN } from './gc/finalizers.js';
import { simTimeOf, timestampOf } from './time.js';

const NOW = 100_000;

function pod(meta: Partial<Pod['metadata']> = {}, extra: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', ...meta },
    spec: {
      nodeName: 'machine',
      containers: [{ name: 'c', image: 'nginx' }],
      terminationGracePeriodSeconds: 30,
    },
    ...extra,
  };
}

function replicaSet(finalizers?: string[]): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'rs',
      namespace: 'default',
      uid: 'u',
      generation: 1,
      ...(finalizers ? { finalizers } : {}),
    },
  };
}

type Expected = 'pending' | 'remove' | { deletionTimestampMs: number; grace: number };

function summary(plan: DeletionPlan): Expected {
  if (plan.action !== 'update') return plan.action;
  return {
    deletionTimestampMs: simTimeOf(plan.metadata.deletionTimestamp)!,
    grace: plan.metadata.deletionGracePeriodSeconds!,
  };
}

describe('planDeletion', () => {
  // staging/src/k8s.io/apiserver/pkg/registry/rest/delete_test.go TestBeforeDelete: a pod whose
  // graceful deletion started with `recorded` seconds (deletionTimestamp = now + recorded) gets
  // another delete request with `requested` seconds. A request that leaves no grace and no
  // finalizer removes the pod (the store's next step after BeforeDelete).
  const beforeDelete: Array<[number, number, Expected]> = [
    [-1, -1, 'pending'],
    [-1, 0, 'remove'],
    [-1, 1, 'pending'],
    [-1, 2, 'pending'],
    // No grace period left: neither graceful nor pending, so the object goes.
    [0, -1, 'remove'],
    [0, 0, 'remove'],
    [0, 1, 'remove'],
    [0, 2, 'remove'],
    [1, -1, 'pending'],
    [1, 0, 'remove'],
    [1, 1, 'pending'],
    [1, 2, 'pending'],
    [2, -1, { deletionTimestampMs: NOW + 1000, grace: 1 }],
    [2, 0, 'remove'],
    [2, 1, { deletionTimestampMs: NOW + 1000, grace: 1 }],
    [2, 2, 'pending'],
  ];
  for (const [recorded, requested, expected] of beforeDelete) {
    it(`TestBeforeDelete: DeletionGracePeriodSeconds=${recorded}, GracePeriodSeconds=${requested}`, () => {
      const p = pod({
        deletionTimestamp: timestampOf(NOW + recorded * 1000),
        deletionGracePeriodSeconds: recorded,
      });
      expect(summary(planDeletion(p, { gracePeriodSeconds: requested }, NOW))).to.deep.equal(expected);
    });
  }

  it('TestBeforeDelete: a shorter non-zero grace period would move into the past', () => {
    const p = pod({ deletionTimestamp: timestampOf(NOW - 60_000), deletionGracePeriodSeconds: 60 });
    expect(summary(planDeletion(p, { gracePeriodSeconds: 50 }, NOW))).to.deep.equal({
      deletionTimestampMs: NOW,
      grace: 1,
    });
  });

  it('TestBeforeDelete: a zero grace period would move into the past (kept by a finalizer)', () => {
    const p = pod({
      deletionTimestamp: timestampOf(NOW - 60_000),
      deletionGracePeriodSeconds: 60,
      finalizers: ['foo.com/x'],
    });
    expect(summary(planDeletion(p, { gracePeriodSeconds: 0 }, NOW))).to.deep.equal({
      deletionTimestampMs: NOW,
      grace: 0,
    });
  });

  it('starts a pod’s graceful deletion with the requested period, else its own (CheckGracefulDelete)', () => {
    expect(summary(planDeletion(pod(), {}, NOW))).to.deep.equal({
      deletionTimestampMs: NOW + 30_000,
      grace: 30,
    });
    expect(summary(planDeletion(pod(), { gracePeriodSeconds: 5 }, NOW))).to.deep.equal({
      deletionTimestampMs: NOW + 5_000,
      grace: 5,
    });
    expect(summary(planDeletion(pod(), { gracePeriodSeconds: 0 }, NOW))).to.equal('remove');
    expect(summary(planDeletion(pod(), { gracePeriodSeconds: -3 }, NOW))).to.deep.equal({
      deletionTimestampMs: NOW + 1_000,
      grace: 1,
    });
  });

  it('removes a pod that never reached a node, or has finished, at once unless a finalizer keeps it', () => {
    const unscheduled = pod({}, { spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(planDeletion(unscheduled, {}, NOW).action).to.equal('remove');
    expect(planDeletion(pod({}, { status: { phase: 'Succeeded' } }), {}, NOW).action).to.equal('remove');
    const kept = planDeletion(pod({ finalizers: ['x/y'] }, { status: { phase: 'Failed' } }), {}, NOW);
    expect(summary(kept)).to.deep.equal({ deletionTimestampMs: NOW, grace: 0 });
  });

  it('gives a pod deleted in the foreground both its grace period and the finalizer', () => {
    const plan = planDeletion(pod(), { propagationPolicy: 'Foreground' }, NOW);
    expect(plan.action).to.equal('update');
    if (plan.action !== 'update') return;
    expect(plan.metadata.finalizers).to.deep.equal([FG]);
    expect(plan.metadata.deletionGracePeriodSeconds).to.equal(30);
  });

  // TestStoreDeletionPropagation through the whole request, for a kind without graceful deletion
  // (a ReplicaSet: DeleteDependents, which adds nothing by default, like defaultDeleteStrategy).
  // An object that stays is marked now, with no grace period, and its generation moves on.
  const propagation: Array<[string[], DeleteOptions['propagationPolicy'], string[] | 'remove']> = [
    [[], 'Foreground', [FG]],
    [[], 'Background', 'remove'],
    [[], 'Orphan', [ORPHAN]],
    [[], undefined, 'remove'],
    [[ORPHAN], 'Foreground', [FG]],
    [[ORPHAN], 'Background', 'remove'],
    [[ORPHAN], 'Orphan', [ORPHAN]],
    [[ORPHAN], undefined, [ORPHAN]],
    [[FG], 'Foreground', [FG]],
    [[FG], 'Background', 'remove'],
    [[FG], 'Orphan', [ORPHAN]],
    [[FG], undefined, [FG]],
  ];
  for (const [existing, policy, expected] of propagation) {
    it(`TestStoreDeletionPropagation: existing ${JSON.stringify(existing)}, PropagationPolicy=${policy ?? 'Default'}`, () => {
      const plan = planDeletion(
        replicaSet(existing.length ? existing : undefined),
        { propagationPolicy: policy },
        NOW,
      );
      if (expected === 'remove') {
        expect(plan.action).to.equal('remove');
        return;
      }
      expect(plan.action).to.equal('update');
      if (plan.action !== 'update') return;
      expect(plan.metadata.finalizers).to.deep.equal(expected);
      expect(plan.metadata.deletionTimestamp).to.equal(timestampOf(NOW));
      expect(plan.metadata.deletionGracePeriodSeconds).to.equal(0);
      expect(plan.metadata.generation).to.equal(2);
    });
  }

  it('TestNonGracefulStoreHandleFinalizers: a finalizer keeps a deleted object, marked once', () => {
    const first = planDeletion(replicaSet(['foo.com/x']), {}, NOW);
    expect(first.action).to.equal('update');
    if (first.action !== 'update') return;
    expect(first.metadata.deletionTimestamp).to.equal(timestampOf(NOW));
    expect(first.metadata.deletionGracePeriodSeconds).to.equal(0);
    expect(first.metadata.generation).to.equal(2);
    // Deleted again later: still there, with its first deletionTimestamp and generation.
    const marked: KubeObject = { ...replicaSet(), metadata: first.metadata };
    const again = planDeletion(marked, {}, NOW + 5_000);
    expect(again.action).to.equal('update');
    if (again.action !== 'update') return;
    expect(again.metadata.deletionTimestamp).to.equal(timestampOf(NOW));
    expect(again.metadata.generation).to.equal(2);
  });

  it('leaves an Event without GC finalizers whatever the propagation (Unsupported)', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
    };
    expect(planDeletion(event, { propagationPolicy: 'Orphan' }, NOW).action).to.equal('remove');
    expect(planDeletion(event, { propagationPolicy: 'Foreground' }, NOW).action).to.equal('remove');
  });
});
