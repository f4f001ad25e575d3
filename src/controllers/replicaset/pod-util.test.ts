import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { getDeletionCost, isPodActive, isPodAvailable, PodDeletionCost } from './pod-util.js';

const readyPod = (sinceMs?: number): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  status: {
    phase: 'Running',
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: sinceMs === undefined ? undefined : timestampOf(sinceMs),
      },
    ],
  },
});

describe('IsPodAvailable', () => {
  it('is ready for minReadySeconds, strictly', () => {
    expect(isPodAvailable(readyPod(1000), 0, 1000)).to.equal(true);
    expect(isPodAvailable(readyPod(1000), 10, 11_000)).to.equal(false);
    expect(isPodAvailable(readyPod(1000), 10, 11_001)).to.equal(true);
  });
  it('never with minReadySeconds and no transition time', () => {
    expect(isPodAvailable(readyPod(), 10, 1e12)).to.equal(false);
  });
});

describe('IsPodActive (TestActivePodFiltering)', () => {
  const withPhase = (phase?: string, deleting = false): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', deletionTimestamp: deleting ? timestampOf(0) : undefined },
    status: phase ? { phase } : undefined,
  });
  const cases: Array<[string, Pod, boolean]> = [
    ['Succeeded', withPhase('Succeeded'), false],
    ['Failed', withPhase('Failed'), false],
    ['no phase yet', withPhase(), true],
    ['Running', withPhase('Running'), true],
    ['Running but terminating', withPhase('Running', true), false],
  ];
  for (const [name, pod, expected] of cases) {
    it(name, () => {
      expect(isPodActive(pod)).to.equal(expected);
    });
  }
});

describe('GetDeletionCostFromPodAnnotations', () => {
  const cases: Array<[string | undefined, number]> = [
    [undefined, 0],
    ['10', 10],
    ['-5', -5],
    ['0', 0],
    ['+10', 0],
    ['008', 0],
    ['abc', 0],
    ['2147483647', 2147483647],
    ['2147483648', 0],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      expect(getDeletionCost(value === undefined ? {} : { [PodDeletionCost]: value })).to.equal(expected);
    });
  }
});
