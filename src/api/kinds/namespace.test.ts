import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Namespace, Node } from '../types.js';
import { defaulted, errorsOf, messagesOf } from './testing.js';

const ns = (name: string): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('Namespace', () => {
  it('labels itself with its name, and starts Active with the kubernetes finalizer', () => {
    const n = defaulted(ns('prod'));
    expect(n.metadata.labels).to.deep.equal({ 'kubernetes.io/metadata.name': 'prod' });
    expect(n.spec).to.deep.equal({ finalizers: ['kubernetes'] });
    expect(n.status).to.deep.equal({ phase: 'Active' });
  });
  it('needs a DNS-1123 label as its name', () => {
    expect(errorsOf(ns('prod'))).to.deep.equal([]);
    expect(messagesOf(ns('my.ns'))).to.deep.equal([
      'metadata.name: Invalid value: "my.ns": must not contain dots',
    ]);
    expect(errorsOf(ns('Prod'))).to.deep.equal(['Invalid value metadata.name']);
  });
  it('forbids a namespace on itself', () => {
    const n = ns('a');
    n.metadata.namespace = 'b';
    expect(errorsOf(n)).to.deep.equal(['Forbidden metadata.namespace']);
  });
});

describe('Node', () => {
  const node = (name: string, taints: unknown[] = []): Node =>
    ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { taints } }) as Node;
  it('accepts DNS subdomain names and valid taints', () => {
    expect(errorsOf(node('node-1.example', [{ key: 'a', effect: 'NoSchedule' }]))).to.deep.equal([]);
  });
  it('rejects a bad taint effect', () => {
    expect(errorsOf(node('n', [{ key: 'a', effect: 'Never' }]))).to.deep.equal([
      'Unsupported value spec.taints[0].effect',
    ]);
  });
});

describe('metadata (TestValidateObjectMeta)', () => {
  it('checks label keys and values and names the labels path', () => {
    const n = ns('a');
    n.metadata.labels = { 'bad key': 'v', ok: 'bad value!' };
    expect(errorsOf(n)).to.deep.equal(['Invalid value metadata.labels', 'Invalid value metadata.labels']);
  });
  it('requires a name', () => {
    expect(messagesOf(ns(''))).to.deep.equal([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
});
