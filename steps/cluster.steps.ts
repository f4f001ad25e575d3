/** The cluster: its nodes, image pull time, declared images and node faults (STEPS.md "The cluster"). */
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
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
import type { KubesimWorld } from './world.js';

Given('a cluster', function (this: KubesimWorld) {
  this.configureCluster({});
});

Given('a cluster with {int} node(s)', function (this: KubesimWorld, count: number) {
  if (count < 1) throw new Error(`a cluster needs at least 1 node, not ${count}`);
  this.configureCluster({ nodes: Array.from({ length: count }, (_, i) => defaultNode(`node-${i + 1}`)) });
});

const NODE_COLUMNS = ['name', 'cpu', 'memory', 'pods'];

Given('a cluster with nodes:', function (this: KubesimWorld, table: DataTable) {
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

Given('image pulls take {duration}', function (this: KubesimWorld, ms: number) {
  this.setImagePullMs(ms);
});

/** Where a step's doc string begins, so image errors name the feature file's own lines. */
function docStringSource(world: KubesimWorld, image: string): Parameters<typeof declareImage>[3] {
  // The doc string's first line is two lines below the step (the step, then the opening quotes).
  const at = /^(.*):(\d+)$/.exec(world.step.location);
  return at ? { name: at[1]!, firstLine: Number(at[2]) + 2 } : `the image "${image}"`;
}

Given('the image {string} behaves as:', function (this: KubesimWorld, image: string, behaviour: string) {
  declareImage(this.cluster.store, image, behaviour, docStringSource(this, image));
});

Then(
  'declaring the image {string} should fail with {string}:',
  function (this: KubesimWorld, image: string, text: string, behaviour: string) {
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

When('node {string} becomes unreachable', function (this: KubesimWorld, node: string) {
  nodeUnreachable(this.cluster, node);
});

When('node {string} recovers', function (this: KubesimWorld, node: string) {
  nodeRecovers(this.cluster, node);
});

When('node {string} comes under memory pressure', function (this: KubesimWorld, node: string) {
  nodeMemoryPressure(this.cluster, node);
});
