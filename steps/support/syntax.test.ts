import { describe, it } from 'node:test';
import { expect } from 'chai';
import { POD_PHASES } from './pods.js';
import {
  canonicalWord,
  DURATION_PATTERN,
  durationMs,
  firstCapture,
  parseRef,
  REPLICAS_PATTERN,
  REVISION_PATTERN,
  replicaField,
  showRef,
  TEXT_PATTERN,
  textValue,
  unquote,
  wordsPattern,
} from './syntax.js';

/** True when the whole text is one {duration}, as cucumber anchors it inside a step. */
function isDuration(text: string): boolean {
  return new RegExp(`^(?:${DURATION_PATTERN.source})$`).test(text);
}

describe('the {duration} parameter', () => {
  // Every form STEPS.md "Durations" lists, and what it means in milliseconds.
  const forms: Array<[string, number]> = [
    ['30 seconds', 30_000],
    ['1 second', 1_000],
    ['5 minutes', 300_000],
    ['1 minute', 60_000],
    ['2 hours', 7_200_000],
    ['500ms', 500],
    ['45s', 45_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s', 3_723_000],
    ['1 minute 30 seconds', 90_000],
    ['2 minutes and 5 seconds', 125_000],
    ['1.5s', 1_500],
    ['250 milliseconds', 250],
  ];
  for (const [text, ms] of forms) {
    it(`matches and parses "${text}"`, () => {
      expect(isDuration(text), 'matches').to.equal(true);
      expect(durationMs(text)).to.equal(ms);
    });
  }

  for (const text of ['30', 'seconds', '30 secs', '1d', 'ten seconds', '30seconds ']) {
    it(`does not match "${text}"`, () => {
      expect(isDuration(text)).to.equal(false);
    });
  }

  it('leaves "pass" and "passes" to the step text', () => {
    const step = new RegExp(`^(${DURATION_PATTERN.source}) pass(?:es)?$`);
    expect(step.exec('1 minute passes')?.[1]).to.equal('1 minute');
    expect(step.exec('1m30s pass')?.[1]).to.equal('1m30s');
  });
});

describe('the {ref} parameter', () => {
  it('puts a bare name in the default namespace', () => {
    expect(parseRef('web')).to.deep.equal({ namespace: 'default', name: 'web' });
  });
  it('reads namespace/name', () => {
    expect(parseRef('team-a/web')).to.deep.equal({ namespace: 'team-a', name: 'web' });
  });
  for (const bad of ['', 'a/b/c', '/web', 'team-a/']) {
    it(`rejects "${bad}"`, () => {
      expect(() => parseRef(bad)).to.throw('not an object reference');
    });
  }
  it('prints as namespace/name', () => {
    expect(showRef(parseRef('web'))).to.equal('default/web');
  });
});

/** The captures of `pattern` when it matches the whole text, as cucumber anchors a parameter. */
function whole(pattern: RegExp, text: string): string[] | undefined {
  const m = new RegExp(`^(?:${pattern.source})$`).exec(text);
  return m ? m.slice(1) : undefined;
}

describe('the {phase} parameter', () => {
  const phase = wordsPattern(POD_PHASES);
  for (const text of ['Running', 'running', 'RUNNING', '"Running"', "'pending'", 'Succeeded', 'unknown']) {
    it(`matches ${text} and reads it as the API spells it`, () => {
      expect(whole(phase, text), 'matches').to.not.equal(undefined);
      expect(POD_PHASES).to.include(canonicalWord(text, POD_PHASES));
    });
  }
  // `pod "x" should be {phase}` must leave the other `should be …` steps alone.
  for (const text of ['ready', 'scheduled', 'Runnin', '"Running', 'Running"', 'in phase Running']) {
    it(`does not match ${text}`, () => {
      expect(whole(phase, text)).to.equal(undefined);
    });
  }
  it('spells a phase as the API does', () => {
    expect(canonicalWord('"running"', POD_PHASES)).to.equal('Running');
    expect(canonicalWord('crashed', POD_PHASES)).to.equal('crashed');
  });
});

describe('the {text} parameter', () => {
  const read = (text: string) => {
    const groups = whole(TEXT_PATTERN, text);
    return groups && textValue(...groups);
  };
  it('reads a quoted string, with spaces', () => {
    expect(read('"Init:0/1"')).to.equal('Init:0/1');
    expect(read("'a b'")).to.equal('a b');
    expect(read('""')).to.equal('');
    expect(read('"say \\"hi\\""')).to.equal('say "hi"');
    expect(read("'it\\'s'")).to.equal("it's");
  });
  it('reads one bare word', () => {
    expect(read('Running')).to.equal('Running');
    expect(read('True')).to.equal('True');
  });
  it('does not take two bare words or an unbalanced quote', () => {
    expect(read('Running now')).to.equal(undefined);
    expect(read('"Running')).to.equal(undefined);
  });
  it('unquote removes one pair of quotes only', () => {
    expect(unquote('"x"')).to.equal('x');
    expect(unquote("'x'")).to.equal('x');
    expect(unquote('"x')).to.equal('"x');
    expect(unquote('x')).to.equal('x');
  });
});

describe('the {revision} parameter', () => {
  for (const [text, n] of [
    ['2', 2],
    ['"2"', 2],
    ["'10'", 10],
  ] as const) {
    it(`reads ${text} as ${n}`, () => {
      expect(Number(firstCapture(...(whole(REVISION_PATTERN, text) ?? [])))).to.equal(n);
    });
  }
  it('does not take a name', () => {
    expect(whole(REVISION_PATTERN, '"two"')).to.equal(undefined);
  });
});

describe('the {replicas} parameter', () => {
  const field = (text: string) => {
    const groups = whole(REPLICAS_PATTERN, text);
    return groups && replicaField(groups[0]);
  };
  it('names the Deployment status field', () => {
    expect(field('replicas')).to.equal('replicas');
    expect(field('replica')).to.equal('replicas');
    expect(field('available replicas')).to.equal('availableReplicas');
    expect(field('ready replicas')).to.equal('readyReplicas');
    expect(field('updated replica')).to.equal('updatedReplicas');
    expect(field('unavailable replicas')).to.equal('unavailableReplicas');
  });
  it('does not take pods, which are the pod-counting steps', () => {
    expect(field('ready pods')).to.equal(undefined);
  });
});
