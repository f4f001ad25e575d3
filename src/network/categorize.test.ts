import { describe, it } from 'node:test';
import { expect } from 'chai';
import { type CategorizedEndpoint, categorizeEndpoints, type TrafficPolicies } from './categorize.js';

/**
 * TestCategorizeEndpoints (pkg/proxy/topology_test.go): the rows that need no topology hints.
 * ProxyTerminatingEndpoints is GA in v1.33, so the "PTE disabled" rows are left out (their
 * "PTE enabled" twins are here). `local` endpoints sit on this node.
 */
interface Ep extends CategorizedEndpoint {
  readonly id: string;
}

const NODE = 'this-node';

function ep(
  id: string,
  opts: { ready?: boolean; serving?: boolean; terminating?: boolean; local?: boolean },
): Ep {
  const ready = opts.ready ?? false;
  return {
    id,
    ready,
    serving: opts.serving ?? ready,
    terminating: opts.terminating ?? false,
    nodeName: opts.local ? NODE : 'other-node',
  };
}

function svc(opts: { itpLocal?: boolean; etpLocal?: boolean; nodePort?: boolean }): TrafficPolicies {
  const externallyAccessible = opts.nodePort ?? false;
  return {
    internalPolicyLocal: opts.itpLocal ?? false,
    externalPolicyLocal: externallyAccessible && (opts.etpLocal ?? false),
    externallyAccessible,
  };
}

interface Row {
  name: string;
  service: TrafficPolicies;
  endpoints: Ep[];
  cluster: string[] | undefined;
  local: string[] | undefined;
  all?: string[];
  onlyRemote?: boolean;
}

const A = '10.0.0.0:80';
const B = '10.0.0.1:80';
const C = '10.0.0.2:80';
const D = '10.0.0.3:80';

const rows: Row[] = [
  {
    name: 'internalTrafficPolicy: Local, with empty endpoints',
    service: svc({ itpLocal: true }),
    endpoints: [],
    cluster: undefined,
    local: [],
  },
  {
    name: 'internalTrafficPolicy: Local, but all endpoints are remote',
    service: svc({ itpLocal: true }),
    endpoints: [ep(A, { ready: true }), ep(B, { ready: true })],
    cluster: undefined,
    local: [],
    onlyRemote: true,
  },
  {
    name: 'internalTrafficPolicy: Local, all endpoints are local',
    service: svc({ itpLocal: true }),
    endpoints: [ep(A, { ready: true, local: true }), ep(B, { ready: true, local: true })],
    cluster: undefined,
    local: [A, B],
  },
  {
    name: 'internalTrafficPolicy: Local, some endpoints are local',
    service: svc({ itpLocal: true }),
    endpoints: [ep(A, { ready: true, local: true }), ep(B, { ready: true })],
    cluster: undefined,
    local: [A],
  },
  {
    name: 'Cluster traffic policy, endpoints not Ready',
    service: svc({}),
    endpoints: [ep(A, {}), ep(B, {})],
    cluster: [],
    local: undefined,
  },
  {
    name: 'Cluster traffic policy, some endpoints are Ready',
    service: svc({}),
    endpoints: [ep(A, {}), ep(B, { ready: true })],
    cluster: [B],
    local: undefined,
  },
  {
    name: 'Cluster traffic policy, PTE enabled, all endpoints are terminating',
    service: svc({}),
    endpoints: [
      ep(A, { serving: true, terminating: true, local: true }),
      ep(B, { serving: true, terminating: true }),
    ],
    cluster: [A, B],
    local: undefined,
  },
  {
    name: 'iTP: Local, eTP: Cluster, some endpoints local',
    service: svc({ itpLocal: true, nodePort: true }),
    endpoints: [ep(A, { ready: true, local: true }), ep(B, { ready: true })],
    cluster: [A, B],
    local: [A],
    all: [A, B],
  },
  {
    name: 'iTP: Cluster, eTP: Local, some endpoints local',
    service: svc({ etpLocal: true, nodePort: true }),
    endpoints: [ep(A, { ready: true, local: true }), ep(B, { ready: true })],
    cluster: [A, B],
    local: [A],
    all: [A, B],
  },
  {
    name: 'iTP: Local, eTP: Local, some endpoints local',
    service: svc({ itpLocal: true, etpLocal: true, nodePort: true }),
    endpoints: [ep(A, { ready: true, local: true }), ep(B, { ready: true })],
    cluster: [A, B],
    local: [A],
    all: [A, B],
  },
  {
    name: 'iTP: Local, eTP: Local, all endpoints remote',
    service: svc({ itpLocal: true, etpLocal: true, nodePort: true }),
    endpoints: [ep(A, { ready: true }), ep(B, { ready: true })],
    cluster: [A, B],
    local: [],
    all: [A, B],
  },
  {
    name: 'iTP: Local, eTP: Local, PTE enabled, all endpoints remote and terminating',
    service: svc({ itpLocal: true, etpLocal: true, nodePort: true }),
    endpoints: [ep(A, { serving: true, terminating: true }), ep(B, { serving: true, terminating: true })],
    cluster: [A, B],
    local: [],
    all: [A, B],
    onlyRemote: true,
  },
  {
    name: 'iTP: Cluster, eTP: Local, PTE enabled, with terminating endpoints',
    service: svc({ etpLocal: true, nodePort: true }),
    endpoints: [
      ep(A, { ready: true }),
      ep(B, { serving: false, local: true }),
      ep(C, { serving: true, terminating: true, local: true }),
      ep(D, { serving: true, terminating: true }),
    ],
    cluster: [A],
    local: [C],
    all: [A, C],
  },
  {
    name: 'externalTrafficPolicy ignored if not externally accessible',
    service: { internalPolicyLocal: false, externalPolicyLocal: true, externallyAccessible: false },
    endpoints: [ep(A, { ready: true }), ep(B, { ready: true, local: true })],
    cluster: [A, B],
    local: undefined,
    all: [A, B],
  },
  {
    name: 'no cluster endpoints for iTP:Local internal-only service',
    service: svc({ itpLocal: true }),
    endpoints: [ep(A, { ready: true }), ep(B, { ready: true, local: true })],
    cluster: undefined,
    local: [B],
    all: [B],
  },
];

const ids = (eps: readonly Ep[] | undefined) => (eps === undefined ? undefined : eps.map((e) => e.id).sort());

describe('categorizeEndpoints (TestCategorizeEndpoints)', () => {
  for (const row of rows) {
    it(row.name, () => {
      const got = categorizeEndpoints(row.endpoints, row.service, NODE);
      // Upstream tells nil ("never uses this policy") from empty only when it expects nil.
      if (row.cluster === undefined) expect(got.cluster, 'cluster').to.equal(undefined);
      else expect(ids(got.cluster ?? []), 'cluster').to.deep.equal([...row.cluster].sort());
      if (row.local === undefined) expect(got.local, 'local').to.equal(undefined);
      else expect(ids(got.local ?? []), 'local').to.deep.equal([...row.local].sort());
      const all =
        row.cluster !== undefined && row.local === undefined
          ? row.cluster
          : row.local !== undefined && row.cluster === undefined
            ? row.local
            : row.all!;
      expect(ids(got.allReachable), 'allReachable').to.deep.equal([...all].sort());
      expect(got.hasAnyEndpoints, 'hasAnyEndpoints').to.equal(all.length > 0 || (row.onlyRemote ?? false));
    });
  }

  it('gives a client on no node no Local endpoints', () => {
    const got = categorizeEndpoints(
      [ep(A, { ready: true, local: true })],
      svc({ itpLocal: true }),
      undefined,
    );
    expect(got.local).to.deep.equal([]);
    expect(got.hasAnyEndpoints).to.equal(true);
  });
});
