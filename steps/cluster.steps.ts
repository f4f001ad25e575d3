/** The cluster: its nodes, image pull time, declared images and node faults (STEPS.md "The cluster"). */
import type { DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import {
  declareImage,
  defaultNode,
  type NodeSpec,
  nodeMemoryPressure,
  nodeRecovers,
  nodeUnreachable,
  Quantity,
} from '../src/index.js';
import { defineSteps } from './support/define.js';
import type { KubesimWorld } from './world.js';

defineSteps(['a (Kubernetes )cluster'], function () {
  this.configureCluster({});
});

defineSteps(
  ['a (Kubernetes )cluster with {int} node(s)', 'the cluster has {int} node(s)'],
  function (count: number) {
    if (count < 1) throw new Error(`a cluster needs at least 1 node, not ${count}`);
    this.configureCluster({ nodes: Array.from({ length: count }, (_, i) => defaultNode(`node-${i + 1}`)) });
  },
);

const NODE_COLUMNS = ['name', 'cpu', 'memory', 'pods'];

defineSteps(['a (Kubernetes )cluster with nodes:', 'the cluster has nodes:'], function (table: DataTable) {
  const rows = table.hashes();
  const columns = table.raw()[0] ?? [];
  const unknown = columns.filter((c) => !NODE_COLUMNS.includes(c));
  if (unknown.length > 0 || !['name', 'cpu', 'memory'].every((c) => columns.includes(c))) {
    throw new Error(
      `the nodes table has the columns name, cpu, memory and optionally pods; got: ${columns.join(', ')}`,
    );
  }
  if (rows.length === 0) throw new Error('the nodes table has no rows: a cluster needs at least 1 node');
  const nodes = rows.map((row): NodeSpec => {
    const node = defaultNode(row.name!);
    for (const field of ['cpu', 'memory'] as const) {
      const value = row[field]!;
      try {
        Quantity.parse(value);
      } catch {
        throw new Error(`node "${row.name}": ${field} "${value}" is not a quantity (like 4, 3500m, 8Gi)`);
      }
      node[field] = value;
    }
    if (row.pods !== undefined && row.pods !== '') {
      const pods = Number(row.pods);
      if (!Number.isInteger(pods) || pods < 1)
        throw new Error(`node "${row.name}": pods must be a whole number ≥ 1, not "${row.pods}"`);
      node.pods = pods;
    }
    return node;
  });
  const names = new Set<string>();
  for (const n of nodes) {
    if (names.has(n.name)) throw new Error(`node "${n.name}" appears twice in the nodes table`);
    names.add(n.name);
  }
  this.configureCluster({ nodes });
});

defineSteps(['image pulls take {duration}'], function (ms: number) {
  this.setImagePullMs(ms);
});

/** Where a step's doc string begins, so image errors name the feature file's own lines. */
function docStringSource(world: KubesimWorld, image: string): Parameters<typeof declareImage>[3] {
  // The doc string's first line is two lines below the step (the step, then the opening quotes).
  const at = /^(.*):(\d+)$/.exec(world.step.location);
  return at ? { name: at[1]!, firstLine: Number(at[2]) + 2 } : `the image "${image}"`;
}

defineSteps(['the image {string} behaves as:'], function (image: string, behaviour: string) {
  declareImage(this.cluster.store, image, behaviour, docStringSource(this, image));
});

defineSteps(
  ['declaring the image {string} should fail with {string}:'],
  function (image: string, text: string, behaviour: string) {
    let message: string | undefined;
    try {
      declareImage(this.cluster.store, image, behaviour, docStringSource(this, image));
    } catch (e) {
      message = (e as Error).message;
    }
    if (message === undefined)
      expect.fail(`declaring the image "${image}" succeeded; expected an error with "${text}"`);
    expect(message, 'the error').to.include(text);
  },
);

// A node that "fails" or "goes down" is one the control plane stops hearing from: the same fault.
defineSteps(
  ['(the )node {string} becomes unreachable', '(the )node {string} fails', '(the )node {string} goes down'],
  function (node: string) {
    nodeUnreachable(this.cluster, node);
  },
);

defineSteps(['(the )node {string} recovers', '(the )node {string} comes back( up)'], function (node: string) {
  nodeRecovers(this.cluster, node);
});

defineSteps(['(the )node {string} comes under memory pressure'], function (node: string) {
  nodeMemoryPressure(this.cluster, node);
});
