import { describe, it } from 'node:test';
import { expect } from 'chai';
import { applyPatch, type JsonMap, mergeKeyFor, threeWayPatch } from './strategic-merge.js';

const merge = (original: JsonMap | undefined, modified: JsonMap, current: JsonMap, kind = 'Deployment') => {
  const patch = threeWayPatch(original, modified, current, kind);
  return { patch, result: applyPatch(current, patch, kind) };
};

describe('threeWayPatch and applyPatch (client-side apply)', () => {
  it('is empty when the manifest is what was applied and what is live', () => {
    const cfg = { spec: { a: 1, b: { c: 'x' } } };
    expect(threeWayPatch(cfg, cfg, { ...cfg, status: { x: 1 } }, 'Deployment')).to.deep.equal({});
  });
  it('keeps fields others set, deletes fields the manifest dropped', () => {
    const { patch, result } = merge(
      { spec: { a: 1, gone: true } },
      { spec: { a: 2 } },
      { spec: { a: 1, gone: true, replicas: 5 } },
    );
    expect(patch).to.deep.equal({ spec: { a: 2, gone: null } });
    expect(result).to.deep.equal({ spec: { a: 2, replicas: 5 } });
  });
  it('merges containers by name and their env by name, with order and delete directives', () => {
    const original: JsonMap = {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'a',
                env: [
                  { name: 'X', value: '1' },
                  { name: 'Y', value: '2' },
                ],
              },
            ],
          },
        },
      },
    };
    const modified: JsonMap = {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', env: [{ name: 'X', value: '1' }] },
              { name: 'b', image: 'b' },
            ],
          },
        },
      },
    };
    const current: JsonMap = {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'a',
                imagePullPolicy: 'Always',
                env: [
                  { name: 'X', value: '1' },
                  { name: 'Y', value: '2' },
                ],
              },
            ],
          },
        },
      },
    };
    const { patch, result } = merge(original, modified, current);
    expect(patch).to.deep.equal({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
            containers: [
              { '$setElementOrder/env': [{ name: 'X' }], env: [{ $patch: 'delete', name: 'Y' }], name: 'a' },
              { name: 'b', image: 'b' },
            ],
          },
        },
      },
    } as never);
    expect(result).to.deep.equal({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', imagePullPolicy: 'Always', env: [{ name: 'X', value: '1' }] },
              { name: 'b', image: 'b' },
            ],
          },
        },
      },
    });
  });
  it('replaces lists without a merge key', () => {
    const { result } = merge(
      { spec: { args: ['a', 'b'] } },
      { spec: { args: ['c'] } },
      { spec: { args: ['a', 'b'] } },
    );
    expect(result).to.deep.equal({ spec: { args: ['c'] } });
  });
  it('knows the merge keys kubesim uses', () => {
    expect(mergeKeyFor(['spec', 'template', 'spec', 'containers'], 'Deployment')).to.equal('name');
    expect(mergeKeyFor(['spec', 'containers', '[]', 'ports'], 'Pod')).to.equal('containerPort');
    expect(mergeKeyFor(['spec', 'ports'], 'Service')).to.equal('port');
    expect(mergeKeyFor(['spec', 'ports'], 'EndpointSlice')).to.equal(undefined);
    expect(mergeKeyFor(['subsets'], 'Endpoints')).to.equal(undefined);
  });
});
