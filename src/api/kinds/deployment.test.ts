import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clone } from '../../core/clone.js';
import type { Deployment } from '../types.js';
import { defaulted, errorsOf, messagesOf, updateErrorsOf } from './testing.js';

function valid(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
      },
    },
  };
}

function withSpec(change: (d: Deployment) => void): Deployment {
  const d = valid();
  change(d);
  return d;
}

describe('Deployment defaults (TestSetDefaultDeployment)', () => {
  it('fills replicas, the rolling update strategy, history and deadline, and the template', () => {
    const d = defaulted(valid());
    expect(d.spec!.replicas).to.equal(1);
    expect(d.spec!.strategy).to.deep.equal({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    expect(d.spec!.revisionHistoryLimit).to.equal(10);
    expect(d.spec!.progressDeadlineSeconds).to.equal(600);
    const pod = d.spec!.template.spec!;
    expect(pod.restartPolicy).to.equal('Always');
    expect(pod.terminationGracePeriodSeconds).to.equal(30);
    expect((pod as { enableServiceLinks?: boolean }).enableServiceLinks).to.equal(undefined);
  });
  it('keeps a Recreate strategy without rollingUpdate, and given values', () => {
    const d = defaulted(
      withSpec((x) => {
        x.spec!.strategy = { type: 'Recreate' };
        x.spec!.replicas = 0;
        x.spec!.revisionHistoryLimit = 0;
      }),
    );
    expect(d.spec!.strategy).to.deep.equal({ type: 'Recreate' });
    expect(d.spec!.replicas).to.equal(0);
    expect(d.spec!.revisionHistoryLimit).to.equal(0);
  });
  it('is idempotent', () => {
    const once = defaulted(valid());
    expect(defaulted(once)).to.deep.equal(once);
  });
});

describe('Deployment validation (TestValidateDeployment error cases)', () => {
  it('accepts a valid deployment', () => {
    expect(errorsOf(valid())).to.deep.equal([]);
  });

  const cases: Array<[string, (d: Deployment) => void, string[]]> = [
    ['missing name', (d) => (d.metadata.name = ''), ['Required value metadata.name']],
    ['bad name', (d) => (d.metadata.name = 'Web_App!'), ['Invalid value metadata.name']],
    ['missing namespace', (d) => delete d.metadata.namespace, ['Required value metadata.namespace']],
    [
      'nil selector',
      (d) => delete (d.spec as { selector?: unknown }).selector,
      ['Required value spec.selector'],
    ],
    ['empty selector', (d) => (d.spec!.selector = {}), ['Invalid value spec.selector']],
    [
      'selector does not match',
      (d) => (d.spec!.selector = { matchLabels: { app: 'db' } }),
      ['Invalid value spec.template.metadata.labels'],
    ],
    ['negative replicas', (d) => (d.spec!.replicas = -1), ['Invalid value spec.replicas']],
    [
      'negative minReadySeconds',
      (d) => (d.spec!.minReadySeconds = -1),
      ['Invalid value spec.minReadySeconds'],
    ],
    [
      'negative revisionHistoryLimit',
      (d) => (d.spec!.revisionHistoryLimit = -2),
      ['Invalid value spec.revisionHistoryLimit'],
    ],
    [
      'invalid strategy type',
      (d) => (d.spec!.strategy = { type: 'randomType' }),
      ['Unsupported value spec.strategy'],
    ],
    [
      'invalid maxUnavailable percent',
      (d) => (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '20Percent' } }),
      ['Invalid value spec.strategy.rollingUpdate.maxUnavailable'],
    ],
    [
      'maxUnavailable above 100%',
      (d) => (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
      ['Invalid value spec.strategy.rollingUpdate.maxUnavailable'],
    ],
    [
      'negative maxSurge',
      (d) => (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: -1 } }),
      ['Invalid value spec.strategy.rollingUpdate.maxSurge'],
    ],
    [
      'both zero',
      (d) =>
        (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }),
      ['Invalid value spec.strategy.rollingUpdate.maxUnavailable'],
    ],
    [
      'Recreate with rollingUpdate',
      (d) => (d.spec!.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }),
      ['Forbidden spec.strategy.rollingUpdate'],
    ],
    [
      'negative progressDeadlineSeconds',
      (d) => (d.spec!.progressDeadlineSeconds = -1),
      ['Invalid value spec.progressDeadlineSeconds', 'Invalid value spec.progressDeadlineSeconds'],
    ],
    [
      'progressDeadlineSeconds not above minReadySeconds',
      (d) => {
        d.spec!.progressDeadlineSeconds = 10;
        d.spec!.minReadySeconds = 10;
      },
      ['Invalid value spec.progressDeadlineSeconds'],
    ],
    [
      'restartPolicy OnFailure',
      (d) => (d.spec!.template.spec!.restartPolicy = 'OnFailure'),
      ['Unsupported value spec.template.spec.restartPolicy'],
    ],
    [
      'activeDeadlineSeconds',
      (d) => (d.spec!.template.spec!.activeDeadlineSeconds = 10),
      ['Invalid value spec.template.spec.activeDeadlineSeconds'],
    ],
    [
      'bad template label',
      (d) => (d.spec!.template.metadata!.labels = { app: 'web', 'bad key!': 'x' }),
      ['Invalid value spec.template.labels'],
    ],
  ];
  for (const [name, change, want] of cases) {
    it(name, () => {
      expect(errorsOf(withSpec(change))).to.deep.equal(want);
    });
  }

  it('prints the messages the API server prints', () => {
    expect(messagesOf(withSpec((d) => (d.spec!.selector = { matchLabels: { app: 'db' } })))).to.deep.equal([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
    expect(messagesOf(withSpec((d) => (d.spec!.selector = {})))).to.deep.equal([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
    expect(
      messagesOf(
        withSpec(
          (d) =>
            (d.spec!.strategy = {
              type: 'RollingUpdate',
              rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' },
            }),
        ),
      ),
    ).to.deep.equal([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ]);
    expect(
      messagesOf(
        withSpec(
          (d) =>
            (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '20Percent' } }),
        ),
      ),
    ).to.deep.equal([
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"20Percent\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    expect(
      messagesOf(withSpec((d) => (d.spec!.strategy = { type: 'Recreate', rollingUpdate: {} }))),
    ).to.deep.equal([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    expect(messagesOf(withSpec((d) => (d.spec!.minReadySeconds = 600)))).to.deep.equal([
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
    expect(messagesOf(withSpec((d) => (d.spec!.template.spec!.restartPolicy = 'Never')))).to.deep.equal([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
});

describe('Deployment update', () => {
  it('keeps the selector immutable', () => {
    const next = clone(valid());
    next.spec!.selector = { matchLabels: { app: 'web', tier: 'x' } };
    next.spec!.template.metadata!.labels = { app: 'web', tier: 'x' };
    expect(updateErrorsOf(next, valid())).to.deep.equal([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('allows other changes', () => {
    const next = clone(valid());
    next.spec!.replicas = 5;
    next.spec!.template.spec!.containers[0]!.image = 'nginx:1.27';
    expect(updateErrorsOf(next, valid())).to.deep.equal([]);
  });
});
