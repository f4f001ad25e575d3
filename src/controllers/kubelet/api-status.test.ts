import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { deepFreeze } from '../../core/clone.js';
import { containerStatuses, generateAPIPodStatus, type PodRuntimeView } from './api-status.js';
import type { ContainerInstance, ContainerRecord } from './runtime.js';

function running(name: string, startedAt = 0): ContainerInstance {
  return {
    id: `${name}`.padEnd(64, '0'),
    name,
    restartCount: 0,
    image: 'docker.io/library/nginx:1.25',
    imageID: 'docker.io/library/nginx@sha256:00',
    createdAt: startedAt,
    startedAt,
    state: 'running',
  };
}

function view(
  records: Record<string, ContainerInstance[]>,
  extra: Partial<PodRuntimeView> = {},
): PodRuntimeView {
  const map = new Map<string, ContainerRecord>();
  for (const [name, instances] of Object.entries(records)) map.set(name, { instances });
  return {
    records: map,
    sandbox: { ip: '10.244.0.2', ready: true },
    hostIP: '172.18.0.2',
    startTime: 0,
    podIsTerminal: false,
    now: 0,
    ...extra,
  };
}

function pod(containers: Container[], initContainers: Container[] = []): Pod {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u' },
    spec: { containers, ...(initContainers.length > 0 ? { initContainers } : {}) },
  }) as Pod;
}

describe('container status order (convertToAPIContainerStatuses)', () => {
  it('sorts regular containers by name, whatever their spec order', () => {
    const p = pod([{ name: 'web' }, { name: 'app' }, { name: 'sidecar' }, { name: 'App' }]);
    const statuses = containerStatuses(p, p.spec!.containers, view({}));
    // Go's byte-wise order: upper case before lower case.
    expect(statuses.map((s) => s.name)).to.deep.equal(['App', 'app', 'sidecar', 'web']);
    // Twice the same (the sorted order of a frozen spec is kept).
    expect(containerStatuses(p, p.spec!.containers, view({})).map((s) => s.name)).to.deep.equal([
      'App',
      'app',
      'sidecar',
      'web',
    ]);
  });

  it('keeps init containers in spec order (SortStatusesOfInitContainers)', () => {
    const p = pod([{ name: 'main' }], [{ name: 'z-migrate' }, { name: 'a-wait' }]);
    const status = generateAPIPodStatus(p, view({}));
    expect(status.initContainerStatuses?.map((s) => s.name)).to.deep.equal(['z-migrate', 'a-wait']);
  });

  it('a status belongs to its container by name: state, image and readiness follow the name', () => {
    const p = pod([
      { name: 'web', image: 'nginx:1.25' },
      { name: 'app', image: 'busybox:1.36' },
    ]);
    const status = generateAPIPodStatus(p, view({ web: [running('web')] }));
    expect(
      status.containerStatuses?.map((s) => [s.name, Object.keys(s.state ?? {})[0], s.ready]),
    ).to.deep.equal([
      ['app', 'waiting', false],
      ['web', 'running', true],
    ]);
    expect(status.containerStatuses?.[0]?.image).to.equal('busybox:1.36');
    // The conditions name the unready container whatever its place.
    expect(status.conditions?.find((c) => c.type === 'ContainersReady')?.message).to.equal(
      'containers with unready status: [app]',
    );
  });

  it('leaves a single container, and an unfrozen spec, as they are', () => {
    const one = pod([{ name: 'only' }]);
    expect(containerStatuses(one, one.spec!.containers, view({})).map((s) => s.name)).to.deep.equal(['only']);
    const loose = [{ name: 'b' }, { name: 'a' }];
    const p = { ...pod([]), spec: { containers: loose } } as Pod;
    expect(containerStatuses(p, loose, view({})).map((s) => s.name)).to.deep.equal(['a', 'b']);
    expect(
      loose.map((c) => c.name),
      'the spec itself is not reordered',
    ).to.deep.equal(['b', 'a']);
  });
});

describe('generateAPIPodStatus with a pod sync handler eviction (ShouldEvict)', () => {
  const evict = {
    reason: 'DeadlineExceeded',
    message: 'Pod was active on the node longer than the specified deadline',
  };

  it('is Failed with the reason and message, and not ready, while containers still run', () => {
    const p = pod([{ name: 'web' }]);
    const status = generateAPIPodStatus(p, view({ web: [running('web')] }, { evict }));
    expect(status).to.include({ phase: 'Failed', ...evict });
    const byType = Object.fromEntries((status.conditions ?? []).map((c) => [c.type, c]));
    expect(byType.Ready).to.include({ status: 'False', reason: 'PodFailed' });
    expect(byType.ContainersReady).to.include({ status: 'False', reason: 'PodFailed' });
    expect(status.containerStatuses?.[0]?.state?.running).to.not.equal(undefined);
  });

  it('overrides a phase the containers would make Succeeded', () => {
    const done: ContainerInstance = {
      ...running('job'),
      state: 'exited',
      exitCode: 0,
      finishedAt: 5000,
      reason: 'Completed',
    };
    const p = pod([{ name: 'job' }]);
    expect(generateAPIPodStatus(p, view({ job: [done] }, { podIsTerminal: true })).phase).to.equal(
      'Succeeded',
    );
    expect(generateAPIPodStatus(p, view({ job: [done] }, { podIsTerminal: true, evict })).phase).to.equal(
      'Failed',
    );
  });

  it('without an eviction keeps the old reason only while the phase holds', () => {
    const p = {
      ...pod([{ name: 'web' }]),
      status: { phase: 'Running', reason: 'Custom', message: 'm' },
    } as Pod;
    expect(generateAPIPodStatus(p, view({ web: [running('web')] }))).to.include({
      reason: 'Custom',
      message: 'm',
    });
    expect(generateAPIPodStatus(p, view({})).reason).to.equal(undefined);
  });
});
