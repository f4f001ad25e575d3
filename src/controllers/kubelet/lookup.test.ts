import { describe, it } from 'node:test';
import { expect } from 'chai';
import { podRuntime } from './lookup.js';
import { podManifest, testbed } from './testbed.js';

describe('podRuntime (the network reads the kubelet)', () => {
  it('shows a running pod sandbox IP and its listening process, and nothing once the pod is gone', () => {
    const bed = testbed({ nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi', pods: 110 }] });
    const created = bed.create({
      ...podManifest('web', { image: 'nginx:1.25' }),
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }], nodeName: 'node-1' },
    });
    bed.advance(1_000);
    const kubelet = bed.kubelets[0]!;
    const runtime = podRuntime(kubelet, 'default', 'web');
    expect(runtime?.uid).to.equal(created.metadata.uid);
    expect(runtime?.ip).to.equal(bed.pod('web')!.status!.podIP);
    expect(runtime?.listener(80)?.httpGet(80, '/')).to.deep.include({ kind: 'response', status: 200 });
    expect(runtime?.listener(81)).to.equal(undefined);
    expect(podRuntime(kubelet, 'default', 'other')).to.equal(undefined);
    bed.store.delete('Pod', 'default', 'web');
    bed.advance(60_000);
    expect(bed.pod('web')).to.equal(undefined);
    expect(podRuntime(kubelet, 'default', 'web')).to.equal(undefined);
  });
});
