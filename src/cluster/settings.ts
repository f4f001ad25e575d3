/** A node as a scenario declares it. */
export interface NodeSpec {
  name: string;
  /** CPU capacity as a quantity (`4`, `3500m`). */
  cpu: string;
  /** Memory capacity as a quantity (`8Gi`). */
  memory: string;
  /** Maximum pods (kubelet's maxPods). */
  pods: number;
}

/** The knobs of one simulated cluster; every one has the documented default. */
export interface ClusterSettings {
  /** The seed of every generated name, IP and port. */
  seed: number;
  /** Nodes created at start (default: node-1..node-3, 4 CPU, 8Gi, 110 pods). */
  nodes: NodeSpec[];
  /** How long an image pull takes, in ms, unless an image says otherwise (default 0). */
  imagePullMs: number;
  /** Per-image pull time overrides, by image reference. */
  imagePullMsByImage: Map<string, number>;
}

export const DEFAULT_SEED = 1;

export function defaultNode(name: string): NodeSpec {
  return { name, cpu: '4', memory: '8Gi', pods: 110 };
}

export function defaultSettings(overrides: Partial<ClusterSettings> = {}): ClusterSettings {
  return {
    seed: DEFAULT_SEED,
    nodes: [1, 2, 3].map((i) => defaultNode(`node-${i}`)),
    imagePullMs: 0,
    imagePullMsByImage: new Map(),
    ...overrides,
  };
}
