import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/types.js';
import { evictionMessage, formatBytes } from './eviction.js';
import { kubeletNodeConditions } from './eviction-node-status.js';
import { evictedPodStatus } from './eviction-status.js';

const MI = 1024 * 1024;

describe('eviction manager helpers', () => {
  it('formatBytes prints like resource.NewQuantity(n, BinarySI).String()', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [512, '512'],
      [1000, '1k'],
      [1024, '1Ki'],
      [1536, '1536'],
      [16 * MI, '16Mi'],
      [1.5 * MI, '1536Ki'],
      [300 * MI + 1 * MI, '301Mi'],
      [1_000_000, '1000000'],
      [2 * 1024 * MI, '2Gi'],
    ];
    for (const [bytes, want] of cases) expect(formatBytes(bytes), String(bytes)).to.equal(want);
  });

  it('evictionMessage names each container above its request, with a trailing space per part', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          { name: 'app', resources: { requests: { memory: '100Mi' } } },
          { name: 'sidecar' },
          { name: 'small', resources: { requests: { memory: '128M' } } },
        ],
      },
    };
    const containers = [
      { name: 'app', bytes: 200 * MI },
      { name: 'sidecar', bytes: 8 * MI },
      { name: 'small', bytes: 1 * MI },
    ];
    expect(evictionMessage(pod, containers, '100Mi', '50Mi')).to.equal(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ' +
        'Container app was using 200Mi, request is 100Mi, has larger consumption of memory. ' +
        'Container sidecar was using 8Mi, request is 0, has larger consumption of memory. ',
    );
  });

  it('an evicted pod gains DisruptionTarget; reason Evicted only if it ends Failed', () => {
    const eviction = { message: 'The node was low on resource: memory. ', graceSeconds: 1, at: 60_000 };
    const running = evictedPodStatus(
      { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      eviction,
      false,
    );
    expect(running.phase).to.equal('Running');
    expect(running.reason).to.equal(undefined);
    expect(running.conditions![0]).to.deep.equal({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2025-01-01T00:01:00Z',
      reason: 'TerminationByKubelet',
      message: eviction.message,
    });
    const failed = evictedPodStatus({ phase: 'Failed', conditions: running.conditions }, eviction, true);
    expect([failed.reason, failed.message, failed.conditions!.length]).to.deep.equal([
      'Evicted',
      eviction.message,
      2,
    ]);
    const succeeded = evictedPodStatus({ phase: 'Succeeded' }, eviction, true);
    expect(succeeded.reason).to.equal(undefined);
  });

  it('kubelet node conditions: transitions get events and a new transition time; heartbeats move', () => {
    const old = '2025-01-01T00:00:00Z';
    const now = '2025-01-01T00:07:00Z';
    const conditions = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
      type,
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: old,
      lastTransitionTime: old,
    }));
    const posted = kubeletNodeConditions(conditions, { memoryPressure: false }, now)!;
    expect(posted.events).to.deep.equal([
      'NodeHasSufficientMemory',
      'NodeHasNoDiskPressure',
      'NodeHasSufficientPID',
      'NodeReady',
    ]);
    expect(posted.conditions.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])).to.deep.equal([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', now],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', now],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', now],
      ['Ready', 'True', 'KubeletReady', now],
    ]);
    const pressure = kubeletNodeConditions(
      posted.conditions,
      { memoryPressure: true },
      '2025-01-01T00:08:00Z',
    )!;
    expect(pressure.events).to.deep.equal(['NodeHasInsufficientMemory']);
    expect(pressure.conditions[0]).to.include({
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
      message: 'kubelet has insufficient memory available',
    });
    expect(pressure.conditions[3]).to.include({
      lastTransitionTime: now,
      lastHeartbeatTime: '2025-01-01T00:08:00Z',
    });
    expect(kubeletNodeConditions(pressure.conditions, { memoryPressure: true }, now)).to.equal(undefined);
  });
});
