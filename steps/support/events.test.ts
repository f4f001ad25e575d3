import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Change } from '../../src/index.js';
import {
  eventOccurrences,
  firstUnmatchedRow,
  formatOccurrences,
  type Occurrence,
  rowMatches,
} from './events.js';

let seq = 0;
function eventChange(
  at: number,
  type: Change['type'],
  name: string,
  fields: { reason: string; message: string; count?: number; type?: string; pod?: string; uid?: string },
): Change {
  const object = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: fields.pod ?? 'web', uid: fields.uid ?? 'u1' },
    reason: fields.reason,
    message: fields.message,
    type: fields.type ?? 'Normal',
    count: fields.count ?? 1,
  };
  return { seq: seq++, at, type, kind: 'Event', namespace: 'default', name, object };
}

const web = { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1' };

describe('eventOccurrences', () => {
  it('expands an aggregated event into one occurrence per count, at the time of each change', () => {
    const history = [
      eventChange(0, 'ADDED', 'web.1', { reason: 'Scheduled', message: 'Successfully assigned default/web' }),
      eventChange(35_000, 'ADDED', 'web.2', {
        reason: 'Unhealthy',
        message: 'Liveness probe failed',
        type: 'Warning',
      }),
      eventChange(40_000, 'MODIFIED', 'web.2', {
        reason: 'Unhealthy',
        message: 'Liveness probe failed',
        type: 'Warning',
        count: 2,
      }),
      eventChange(45_000, 'MODIFIED', 'web.2', {
        reason: 'Unhealthy',
        message: 'Liveness probe failed',
        type: 'Warning',
        count: 3,
      }),
    ];
    const got = eventOccurrences(history, web).map((o) => [o.at, o.reason]);
    expect(got).to.deep.equal([
      [0, 'Scheduled'],
      [35_000, 'Unhealthy'],
      [40_000, 'Unhealthy'],
      [45_000, 'Unhealthy'],
    ]);
  });

  it('counts a jump of the count as that many occurrences', () => {
    const history = [
      eventChange(0, 'ADDED', 'web.1', { reason: 'BackOff', message: 'Back-off' }),
      eventChange(10_000, 'MODIFIED', 'web.1', { reason: 'BackOff', message: 'Back-off', count: 3 }),
    ];
    expect(eventOccurrences(history, web).map((o) => o.at)).to.deep.equal([0, 10_000, 10_000]);
  });

  it('ignores events about other objects, other incarnations of the name, and deletions', () => {
    const history = [
      eventChange(0, 'ADDED', 'db.1', { reason: 'Scheduled', message: 'x', pod: 'db' }),
      eventChange(0, 'ADDED', 'web.0', { reason: 'Scheduled', message: 'old pod', uid: 'u0' }),
      eventChange(5, 'ADDED', 'web.1', { reason: 'Pulled', message: 'y' }),
      eventChange(9, 'DELETED', 'web.1', { reason: 'Pulled', message: 'y' }),
    ];
    expect(eventOccurrences(history, web).map((o) => o.reason)).to.deep.equal(['Pulled']);
  });
});

describe('rowMatches', () => {
  const o: Occurrence = {
    at: 35_000,
    type: 'Warning',
    reason: 'Unhealthy',
    message: 'Liveness probe failed: x',
  };
  const cases: Array<[string, Record<string, string>, boolean]> = [
    [
      'all columns',
      { type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed', at: '35s' },
      true,
    ],
    ['message is a substring', { message: 'probe failed' }, true],
    ['reason is exact', { reason: 'Unhealth' }, false],
    ['type is exact', { type: 'Normal' }, false],
    ['at in words', { at: '35 seconds' }, true],
    ['at differs', { at: '36s' }, false],
    ['no columns match anything', {}, true],
  ];
  for (const [name, row, want] of cases)
    it(name, () => {
      expect(rowMatches(row, o)).to.equal(want);
    });

  it('rejects an unknown column', () => {
    expect(() => rowMatches({ when: '1s' }, o)).to.throw('unknown events column "when"');
  });
});

describe('firstUnmatchedRow', () => {
  const occ = (at: number, reason: string): Occurrence => ({ at, type: 'Normal', reason, message: '' });
  const timeline = [
    occ(0, 'Scheduled'),
    occ(0, 'Pulled'),
    occ(0, 'Created'),
    occ(0, 'Started'),
    occ(30, 'Killing'),
  ];
  const cases: Array<[string, string[], number]> = [
    ['rows in order with others between', ['Scheduled', 'Started', 'Killing'], -1],
    ['rows out of order', ['Started', 'Pulled'], 1],
    ['a missing row', ['Scheduled', 'BackOff'], 1],
    ['one occurrence cannot match two rows', ['Killing', 'Killing'], 1],
    ['no rows', [], -1],
  ];
  for (const [name, reasons, want] of cases) {
    it(name, () => {
      expect(
        firstUnmatchedRow(
          reasons.map((reason) => ({ reason })),
          timeline,
        ),
      ).to.equal(want);
    });
  }

  it('matches repeated rows against repeated occurrences of a folded event', () => {
    const folded = [occ(35_000, 'Unhealthy'), occ(40_000, 'Unhealthy'), occ(45_000, 'Unhealthy')];
    const rows = ['35s', '40s', '45s'].map((at) => ({ reason: 'Unhealthy', at }));
    expect(firstUnmatchedRow(rows, folded)).to.equal(-1);
    expect(firstUnmatchedRow([...rows, { reason: 'Unhealthy', at: '45s' }], folded)).to.equal(3);
  });
});

describe('formatOccurrences', () => {
  it('aligns the columns and shows times as durations', () => {
    const text = formatOccurrences([
      { at: 0, type: 'Normal', reason: 'Scheduled', message: 'assigned' },
      { at: 75_000, type: 'Warning', reason: 'BackOff', message: 'back-off' },
    ]);
    expect(text).to.equal(
      [
        '  at     type     reason     message',
        '  0s     Normal   Scheduled  assigned',
        '  1m15s  Warning  BackOff    back-off',
      ].join('\n'),
    );
  });
});
