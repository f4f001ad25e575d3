import { describe, it } from 'node:test';
import { expect } from 'chai';
import { defaultNode } from '../../cluster/settings.js';
import { podManifest, testbed } from '../kubelet/testbed.js';
import { Scheduler } from './scheduler.js';

describe('Scheduler and kubelets at scale', () => {
  it('schedules and runs 1,000 pods on 100 nodes quickly', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => defaultNode(`node-${i + 1}`));
    const bed = testbed({ nodes, controllers: [(ctx) => new Scheduler(ctx)] });
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      const pod = podManifest(`web-${i}`, {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
        ],
      });
      pod.metadata.ownerReferences = [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs', controller: true },
      ];
      bed.store.create(pod);
    }
    bed.loop.settle();
    const ms = performance.now() - started;
    const pods = bed.store.list('Pod');
    expect(pods.filter((p) => p.status?.phase === 'Running')).to.have.length(1000);
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect([...perNode.values()].every((n) => n === 10)).to.equal(true);
    console.log(`# 1,000 pods on 100 nodes scheduled and Running in ${ms.toFixed(0)} ms wall time`);
    expect(ms).to.be.lessThan(10_000);
  });
});
