/**
 * controller_ref_manager_test.go's tables (TestClaimPods, TestGeneratePatchBytesForDelete), plus
 * what upstream leaves to the controllers' tests: ClaimReplicaSets, the canAdopt recheck, the
 * patches as the API server applies them, and which failures a claim swallows.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { selectorFromMap } from '../api/labels.js';
import type { KubeObject, Pod, ReplicaSet } from '../api/types.js';
import { KubesimError, notFound, StatusError } from '../core/errors.js';
import {
  applyOwnerRefPatch,
  type CanAdopt,
  type GroupVersionKind,
  generateDeleteOwnerRefStrategicMergePatch,
  getControllerOf,
  newControllerRef,
  type OwnerRefPatch,
  ownerRefControllerPatch,
  PodControllerRefManager,
  ReplicaSetControllerRefManager,
  recheckDeletionTimestamp,
  recheckLiveController,
} from './controller-ref-manager.js';

const productionLabel = { type: 'production' };
const testLabel = { type: 'testing' };
const productionLabelSelector = selectorFromMap(productionLabel);
const controllerUID = '123';
const fakeKind: GroupVersionKind = { apiVersion: 'apps/v1', kind: 'Fake' };
const NOW = '2025-01-01T00:00:05Z';

function newController(opts: { uid?: string; namespace?: string; deleting?: boolean } = {}): ReplicaSet {
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'ctrl', namespace: opts.namespace ?? 'default' },
  };
  if (opts.namespace === '') delete rs.metadata.namespace;
  if (opts.uid !== undefined) rs.metadata.uid = opts.uid;
  if (opts.deleting) rs.metadata.deletionTimestamp = NOW;
  return rs;
}

function newPod(name: string, labels: Record<string, string>, owner?: KubeObject): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: `uid-${name}`, labels, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'foo/bar' }] },
  };
  if (owner) pod.metadata.ownerReferences = [newControllerRef(owner, fakeKind)];
  return pod;
}

/** A FakePodControl: records every patch and applies it, as the API server would. */
function fakeControl<T extends KubeObject>() {
  const patches: OwnerRefPatch[] = [];
  const patch = (obj: T, p: OwnerRefPatch): T => {
    patches.push(p);
    return applyOwnerRefPatch(obj, p);
  };
  return { patches, patch };
}

const allowAdopt: CanAdopt = () => undefined;

describe('PodControllerRefManager.claimPods (TestClaimPods)', () => {
  const owned = newController({ uid: controllerUID });
  const deleting = newController({ uid: controllerUID, deleting: true });
  const clusterScoped = newController({ uid: controllerUID, namespace: '' });
  const another = newController({ uid: 'AAAAA' });
  const terminating = (pod: Pod) => {
    pod.metadata.deletionTimestamp = NOW;
    return pod;
  };
  const inNamespace = (namespace: string, pod: Pod) => {
    pod.metadata.namespace = namespace;
    return pod;
  };

  const cases: Array<{
    name: string;
    controller: ReplicaSet;
    pods: Pod[];
    claimed: string[];
    patches: number;
    finalizers?: string[];
  }> = [
    {
      name: 'Claim pods with correct label',
      controller: newController(),
      pods: [newPod('pod1', productionLabel), newPod('pod2', testLabel)],
      claimed: ['pod1'],
      patches: 1,
    },
    {
      name: 'Controller marked for deletion can not claim pods',
      controller: deleting,
      pods: [newPod('pod1', productionLabel), newPod('pod2', productionLabel)],
      claimed: [],
      patches: 0,
    },
    {
      name: 'Controller marked for deletion can not claim new pods',
      controller: deleting,
      pods: [newPod('pod1', productionLabel, deleting), newPod('pod2', productionLabel)],
      claimed: ['pod1'],
      patches: 0,
    },
    {
      name: 'Controller can not claim pods owned by another controller',
      controller: owned,
      pods: [newPod('pod1', productionLabel, owned), newPod('pod2', productionLabel, another)],
      claimed: ['pod1'],
      patches: 0,
    },
    {
      name: "Controller releases claimed pods when selector doesn't match",
      controller: owned,
      pods: [newPod('pod1', productionLabel, owned), newPod('pod2', testLabel, owned)],
      claimed: ['pod1'],
      patches: 1,
    },
    {
      name: 'Controller does not claim orphaned pods marked for deletion',
      controller: owned,
      pods: [
        terminating(newPod('pod1', productionLabel, owned)),
        terminating(newPod('pod2', productionLabel)),
      ],
      claimed: ['pod1'],
      patches: 0,
    },
    {
      name: 'Controller claims or release pods according to selector with finalizers',
      controller: owned,
      finalizers: ['foo-finalizer', 'bar-finalizer'],
      pods: [
        newPod('pod1', productionLabel, owned),
        newPod('pod2', testLabel, owned),
        newPod('pod3', productionLabel),
      ],
      claimed: ['pod1', 'pod3'],
      patches: 2,
    },
    {
      name: 'Controller does not claim pods of different namespace',
      controller: owned,
      pods: [newPod('pod1', productionLabel), inNamespace('fakens', newPod('pod2', productionLabel))],
      claimed: ['pod1'],
      patches: 1,
    },
    {
      // act as a cluster-scoped controller
      name: 'Cluster scoped controller claims pods of specified namespace',
      controller: clusterScoped,
      pods: [newPod('pod1', productionLabel), inNamespace('fakens', newPod('pod2', productionLabel))],
      claimed: ['pod1', 'pod2'],
      patches: 2,
    },
  ];

  for (const tc of cases) {
    it(tc.name, () => {
      const control = fakeControl<Pod>();
      const cm = new PodControllerRefManager(
        control.patch,
        tc.controller,
        productionLabelSelector,
        fakeKind,
        allowAdopt,
        tc.finalizers,
      );
      const claimed = cm.claimPods(tc.pods);
      expect(claimed.map((p) => p.metadata.name)).to.deep.equal(tc.claimed);
      // Every claimed pod is controlled by this controller (the adopted ones as patched).
      for (const pod of claimed) expect(getControllerOf(pod)?.uid).to.equal(tc.controller.metadata.uid ?? '');
      expect(control.patches).to.have.length(tc.patches);
      for (const p of control.patches) {
        const patch = JSON.stringify(p);
        expect(patch).to.include(`"uid":"${tc.controller.metadata.uid ?? ''}"`);
        for (const f of tc.finalizers ?? []) expect(patch).to.include(f);
      }
    });
  }
});

describe('generateDeleteOwnerRefStrategicMergePatch (TestGeneratePatchBytesForDelete)', () => {
  const cases: Array<{
    name: string;
    ownerUID: string[];
    dependentUID: string;
    finalizers: string[];
    want: string;
  }> = [
    {
      name: 'check the structure of patch bytes',
      ownerUID: ['ss1'],
      dependentUID: 'ss2',
      finalizers: [],
      want: '{"metadata":{"uid":"ss2","ownerReferences":[{"$patch":"delete","uid":"ss1"}]}}',
    },
    {
      name: 'check if parent uid is escaped',
      ownerUID: ['ss1"hello'],
      dependentUID: 'ss2',
      finalizers: [],
      want: '{"metadata":{"uid":"ss2","ownerReferences":[{"$patch":"delete","uid":"ss1\\"hello"}]}}',
    },
    {
      name: 'check if revision uid uid is escaped',
      ownerUID: ['ss1'],
      dependentUID: 'ss2"hello',
      finalizers: [],
      want: '{"metadata":{"uid":"ss2\\"hello","ownerReferences":[{"$patch":"delete","uid":"ss1"}]}}',
    },
    {
      name: 'check the structure of patch bytes with multiple owners',
      ownerUID: ['ss1', 'ss2'],
      dependentUID: 'ss2',
      finalizers: [],
      want: '{"metadata":{"uid":"ss2","ownerReferences":[{"$patch":"delete","uid":"ss1"},{"$patch":"delete","uid":"ss2"}]}}',
    },
    {
      name: 'check the structure of patch bytes with a finalizer and multiple owners',
      ownerUID: ['ss1', 'ss2'],
      dependentUID: 'ss2',
      finalizers: ['f1'],
      want: '{"metadata":{"uid":"ss2","ownerReferences":[{"$patch":"delete","uid":"ss1"},{"$patch":"delete","uid":"ss2"}],"$deleteFromPrimitiveList/finalizers":["f1"]}}',
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const got = generateDeleteOwnerRefStrategicMergePatch(tc.dependentUID, tc.ownerUID, tc.finalizers);
      expect(JSON.stringify(got)).to.equal(tc.want);
    });
  }
});

describe('ownerRefControllerPatch', () => {
  it('marshals like upstream: the controllerRef, then the dependent uid, then finalizers', () => {
    const controller = newController({ uid: controllerUID });
    expect(JSON.stringify(ownerRefControllerPatch(controller, fakeKind, 'pod-uid'))).to.equal(
      '{"metadata":{"ownerReferences":[{"apiVersion":"apps/v1","kind":"Fake","name":"ctrl","uid":"123",' +
        '"controller":true,"blockOwnerDeletion":true}],"uid":"pod-uid"}}',
    );
    expect(JSON.stringify(ownerRefControllerPatch(controller, fakeKind, 'pod-uid', ['f1']))).to.match(
      /"uid":"pod-uid","finalizers":\["f1"\]\}\}$/,
    );
  });
});

describe('applyOwnerRefPatch', () => {
  const controller = newController({ uid: controllerUID });
  const other = { ...newController({ uid: 'other' }), metadata: { name: 'other', uid: 'other' } };

  const cases: Array<{
    name: string;
    pod: () => Pod;
    patch: (pod: Pod) => OwnerRefPatch;
    refs?: string[];
    finalizers?: string[];
  }> = [
    {
      name: 'adds the controllerRef after the other owners',
      pod: () => ({
        ...newPod('p', productionLabel),
        metadata: {
          ...newPod('p', productionLabel).metadata,
          ownerReferences: [{ ...newControllerRef(other, fakeKind), controller: false }],
        },
      }),
      patch: (pod) => ownerRefControllerPatch(controller, fakeKind, pod.metadata.uid!),
      refs: ['other', controllerUID],
    },
    {
      name: 'merges into an ownerReference with the same uid instead of adding one',
      pod: () => {
        const pod = newPod('p', productionLabel);
        pod.metadata.ownerReferences = [{ ...newControllerRef(controller, fakeKind), controller: false }];
        return pod;
      },
      patch: (pod) => ownerRefControllerPatch(controller, fakeKind, pod.metadata.uid!),
      refs: [controllerUID],
    },
    {
      name: 'removes only the named owner',
      pod: () => {
        const pod = newPod('p', productionLabel, controller);
        pod.metadata.ownerReferences!.unshift({ ...newControllerRef(other, fakeKind), controller: false });
        return pod;
      },
      patch: (pod) => generateDeleteOwnerRefStrategicMergePatch(pod.metadata.uid!, [controllerUID]),
      refs: ['other'],
    },
    {
      name: 'drops ownerReferences once the last owner is removed',
      pod: () => newPod('p', productionLabel, controller),
      patch: (pod) => generateDeleteOwnerRefStrategicMergePatch(pod.metadata.uid!, [controllerUID]),
      refs: undefined,
    },
    {
      name: 'adds finalizers once, keeping those already there',
      pod: () => ({
        ...newPod('p', productionLabel),
        metadata: { ...newPod('p', productionLabel).metadata, finalizers: ['a'] },
      }),
      patch: (pod) => ownerRefControllerPatch(controller, fakeKind, pod.metadata.uid!, ['a', 'b']),
      refs: [controllerUID],
      finalizers: ['a', 'b'],
    },
    {
      name: 'removes the listed finalizers on release',
      pod: () => {
        const pod = newPod('p', productionLabel, controller);
        pod.metadata.finalizers = ['a', 'b'];
        return pod;
      },
      patch: (pod) => generateDeleteOwnerRefStrategicMergePatch(pod.metadata.uid!, [controllerUID], ['a']),
      refs: undefined,
      finalizers: ['b'],
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const pod = tc.pod();
      const before = JSON.stringify(pod);
      const got = applyOwnerRefPatch(pod, tc.patch(pod));
      expect(got.metadata.ownerReferences?.map((o) => o.uid)).to.deep.equal(tc.refs);
      expect(got.metadata.finalizers).to.deep.equal(tc.finalizers);
      expect(JSON.stringify(pod)).to.equal(before, 'the input is not changed');
    });
  }

  it('rejects a patch for another uid as Invalid (the object was deleted and recreated)', () => {
    const pod = newPod('p', productionLabel, controller);
    const patch = generateDeleteOwnerRefStrategicMergePatch('uid-of-an-older-p', [controllerUID]);
    expect(() => applyOwnerRefPatch(pod, patch))
      .to.throw(StatusError)
      .that.satisfies(
        (e: StatusError) =>
          e.reason === 'Invalid' &&
          e.message ===
            'Pod "p" is invalid: metadata.uid: Invalid value: "uid-of-an-older-p": field is immutable',
      );
  });
});

describe('ReplicaSetControllerRefManager.claimReplicaSets', () => {
  const deployment = (deleting = false): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'd-uid',
      ...(deleting ? { deletionTimestamp: NOW } : {}),
    },
  });
  const replicaSet = (name: string, labels: Record<string, string>, owner?: KubeObject): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels,
      ...(owner
        ? { ownerReferences: [newControllerRef(owner, { apiVersion: 'apps/v1', kind: 'Deployment' })] }
        : {}),
    },
  });

  /** Claims `sets` for `d` through a recording control. */
  const claim = (d: KubeObject, sets: ReplicaSet[]) => {
    const control = fakeControl<ReplicaSet>();
    const kind = { apiVersion: 'apps/v1', kind: 'Deployment' };
    const cm = new ReplicaSetControllerRefManager(
      control.patch,
      d,
      productionLabelSelector,
      kind,
      allowAdopt,
    );
    return { claimed: cm.claimReplicaSets(sets), patches: control.patches };
  };

  it('keeps, adopts and releases by the selector, and returns an adopted one as stored', () => {
    const d = deployment();
    const { claimed, patches } = claim(d, [
      replicaSet('owned', productionLabel, d),
      replicaSet('orphan', productionLabel),
      replicaSet('stale', testLabel, d),
      replicaSet('theirs', productionLabel, newController({ uid: 'x' })),
    ]);
    expect(claimed.map((rs) => rs.metadata.name)).to.deep.equal(['owned', 'orphan']);
    expect(claimed[1]!.metadata.ownerReferences).to.deep.equal([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: 'd-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(patches.map((p) => p.metadata.uid)).to.deep.equal(['uid-orphan', 'uid-stale']);
  });

  it('adopts nothing and releases nothing while the Deployment is being deleted, but keeps what it owns', () => {
    const d = deployment(true);
    const { claimed, patches } = claim(d, [
      replicaSet('owned', productionLabel, d),
      replicaSet('orphan', productionLabel),
      replicaSet('stale', testLabel, d),
    ]);
    expect(claimed.map((rs) => rs.metadata.name)).to.deep.equal(['owned']);
    expect(patches).to.have.length(0);
  });
});

describe('failures during a claim', () => {
  const controller = newController({ uid: controllerUID });
  const run = (patch: (pod: Pod, p: OwnerRefPatch) => Pod, canAdopt: CanAdopt = allowAdopt) =>
    new PodControllerRefManager(patch, controller, productionLabelSelector, fakeKind, canAdopt).claimPods([
      newPod('orphan', productionLabel),
      newPod('stale', testLabel, controller),
      newPod('kept', productionLabel, controller),
    ]);

  it('treats NotFound on adopt or release as "not ours" and carries on', () => {
    const claimed = run((pod) => {
      throw notFound('pods', pod.metadata.name);
    });
    expect(claimed.map((p) => p.metadata.name)).to.deep.equal(['kept']);
  });

  it('ignores Invalid on release (the pod was recreated) but not on adopt', () => {
    const invalidUid = (pod: Pod, p: OwnerRefPatch) =>
      applyOwnerRefPatch(pod, { ...p, metadata: { ...p.metadata, uid: 'recreated' } } as OwnerRefPatch);
    expect(() => run(invalidUid)).to.throw(StatusError, 'Pod "orphan" is invalid');
  });

  it('tries every object, then throws one failure as it is and several as one aggregate', () => {
    const conflict = (pod: Pod): Pod => {
      throw new StatusError('Conflict', `conflict on ${pod.metadata.name}`);
    };
    expect(() => run(conflict)).to.throw(KubesimError, '[conflict on orphan, conflict on stale]');
    const patched: string[] = [];
    const one = (pod: Pod, p: OwnerRefPatch): Pod => {
      patched.push(pod.metadata.name);
      if (pod.metadata.name === 'orphan') throw new StatusError('Conflict', 'conflict on orphan');
      return applyOwnerRefPatch(pod, p);
    };
    expect(() => run(one))
      .to.throw(StatusError, 'conflict on orphan')
      .with.property('reason', 'Conflict');
    expect(patched).to.deep.equal(['orphan', 'stale']);
  });

  it('asks canAdopt once, before the first adoption, and its refusal fails every adoption', () => {
    let asked = 0;
    const deny: CanAdopt = () => {
      asked++;
      return new KubesimError('default/ctrl has just been deleted at 2025-01-01 00:00:05 +0000 UTC');
    };
    const control = fakeControl<Pod>();
    const cm = new PodControllerRefManager(
      control.patch,
      controller,
      productionLabelSelector,
      fakeKind,
      deny,
    );
    expect(() => cm.claimPods([newPod('a', productionLabel), newPod('b', productionLabel)])).to.throw(
      KubesimError,
      "[can't adopt Pod default/a (uid-a): default/ctrl has just been deleted at 2025-01-01 00:00:05 +0000 UTC, " +
        "can't adopt Pod default/b (uid-b): default/ctrl has just been deleted at 2025-01-01 00:00:05 +0000 UTC]",
    );
    expect(asked).to.equal(1);
    expect(control.patches).to.have.length(0);

    asked = 0;
    new PodControllerRefManager(control.patch, controller, productionLabelSelector, fakeKind, deny).claimPods(
      [newPod('kept', productionLabel, controller)],
    );
    expect(asked).to.equal(0, 'nothing to adopt, nothing asked');
  });
});

describe('recheckDeletionTimestamp and recheckLiveController', () => {
  const original = newController({ uid: controllerUID });

  const cases: Array<{ name: string; fresh: ReplicaSet | undefined; want: string | undefined }> = [
    { name: 'allows adoption while the controller is alive', fresh: original, want: undefined },
    {
      name: 'denies it once the controller is being deleted',
      fresh: newController({ uid: controllerUID, deleting: true }),
      want: 'default/ctrl has just been deleted at 2025-01-01 00:00:05 +0000 UTC',
    },
    {
      name: 'denies it when the controller is gone',
      fresh: undefined,
      want: `can't recheck DeletionTimestamp: replicasets.apps "ctrl" not found`,
    },
    {
      name: 'denies it when a namesake replaced the controller',
      fresh: newController({ uid: 'new' }),
      want: "can't recheck DeletionTimestamp: original ReplicaSet default/ctrl is gone: got uid new, wanted 123",
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const canAdopt = recheckLiveController(original, 'replicasets.apps', () => tc.fresh);
      expect(canAdopt()?.message).to.equal(tc.want);
    });
  }

  it('lets programming errors of getObject through', () => {
    const canAdopt = recheckDeletionTimestamp(() => {
      throw new TypeError('bug');
    });
    expect(() => canAdopt()).to.throw(TypeError, 'bug');
  });
});
