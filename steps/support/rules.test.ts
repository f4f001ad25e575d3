import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Change, Cluster } from '../../src/index.js';
import { firstBreak, formatViolation, RuleBook } from './rules.js';
import { AvailableReplicas } from './trackers.js';

let seq = 0;
const deployment = (available: number, at: number): Change => ({
  seq: seq++,
  at,
  type: 'MODIFIED',
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
  object: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3 },
    status: { availableReplicas: available },
  } as never,
});

/** The little of a Cluster a RuleBook uses: the store's objects and history, and the time. */
function fakeCluster(initial: Change[]) {
  const listeners: Array<(c: Change) => void> = [];
  let now = 0;
  const cluster = {
    get now() {
      return now;
    },
    store: {
      list: (kind: string) => initial.filter((c) => c.kind === kind).map((c) => c.object),
      history: {
        subscribe: (l: (c: Change) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
      },
    },
  };
  const record = (c: Change) => {
    now = c.at;
    for (const l of [...listeners]) l(c);
  };
  return { cluster: cluster as unknown as Cluster, record };
}

const rule = () => ({
  text: 'deployment default/web should always have at least 2 available replicas',
  tracker: new AvailableReplicas({ namespace: 'default', name: 'web' }),
  kinds: AvailableReplicas.kinds,
  namespace: 'default',
  holds: (n: number) => n >= 2,
});

describe('RuleBook', () => {
  it('reports the first change that breaks a rule, with the step running then and the declaring step', () => {
    const { cluster, record } = fakeCluster([deployment(3, 0)]);
    let step = { text: 'Then from now on, …', location: 'x.feature:3' };
    const book = new RuleBook(cluster, () => step);
    book.watch(rule());
    expect(book.takeBroken()).to.deep.equal([]);
    step = { text: 'When 30 seconds pass', location: 'x.feature:4' };
    record(deployment(2, 5_000));
    record(deployment(1, 7_500));
    record(deployment(0, 8_000));
    const broken = book.takeBroken();
    expect(broken.map((v) => [v.at, v.value, v.during.text, v.declaredBy.text])).to.deep.equal([
      [7_500, 1, 'When 30 seconds pass', 'Then from now on, …'],
    ]);
    const message = formatViolation(broken[0]!);
    expect(message).to.contain(
      'rule broken at 7.5s (simulated time), during the step at x.feature:4: When 30 seconds pass',
    );
    expect(message).to.contain('availableReplicas 1');
    expect(message).to.contain('declared at x.feature:3: Then from now on, …');
    expect(book.takeBroken()).to.deep.equal([]);
  });

  it('fails at once when the rule does not hold when it is declared', () => {
    const { cluster } = fakeCluster([deployment(1, 0)]);
    const book = new RuleBook(cluster, () => ({ text: 's', location: 'l' }));
    book.watch(rule());
    expect(book.takeBroken().map((v) => v.value)).to.deep.equal([1]);
  });
});

describe('firstBreak', () => {
  const history = [
    deployment(0, 0),
    deployment(1, 1_000),
    deployment(3, 2_000),
    deployment(2, 3_000),
    deployment(1, 4_000),
  ];
  const tracker = () => new AvailableReplicas({ namespace: 'default', name: 'web' });

  it('finds the first change after which the rule fails', () => {
    expect(firstBreak(history, tracker(), (n) => n >= 1).break?.at).to.equal(0);
  });

  it('starts checking once the value first got there', () => {
    const result = firstBreak(
      history,
      tracker(),
      (n) => n >= 2,
      (n) => n >= 2,
    );
    expect(result.reached).to.equal(true);
    expect([result.break?.at, result.break?.value]).to.deep.equal([4_000, 1]);
  });

  it('says when the value never got there', () => {
    expect(
      firstBreak(
        history,
        tracker(),
        (n) => n >= 5,
        (n) => n >= 5,
      ),
    ).to.deep.equal({ reached: false });
  });

  it('finds nothing when the rule always held', () => {
    expect(firstBreak(history, tracker(), (n) => n <= 3)).to.deep.equal({ reached: true });
  });
});
