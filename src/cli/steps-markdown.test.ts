import { describe, it } from 'node:test';
import { expect } from 'chai';
import { continuePhrase, parseStepsMarkdown } from './steps-markdown.js';

// A slice of STEPS.md with each shape of row it uses.
const SAMPLE = `
## The cluster
| phrase | meaning |
|---|---|
| \`a cluster\` | a fresh default cluster |
| \`a cluster with nodes:\` \`<table>\` | columns \`name\`, \`cpu\`; e.g. \`node-a \\| 2 \\| 4Gi\` |
| \`node "NAME" becomes unreachable\` / \`node "NAME" recovers\` | node fault injection |
| \`the output should contain "TEXT"\` / \`the output should contain:\` \`<docstring>\` | substring |
| \`I wait until pod "NAME" is ready\` / \`… is in phase PHASE\` | likewise |
| \`deployment "NAME" should have N ready pods\` / \`… N running pods\` | pods |

Prose with \`I run "kubectl get pods"\` is not a phrase.
| \`a cluster\` | a duplicate row is listed once |
`;

describe('parseStepsMarkdown', () => {
  it('reads the phrases of the first column, in order', () => {
    expect(parseStepsMarkdown(SAMPLE)).to.deep.equal([
      'a cluster',
      'a cluster with nodes:',
      'node "NAME" becomes unreachable',
      'node "NAME" recovers',
      'the output should contain "TEXT"',
      'the output should contain:',
      'I wait until pod "NAME" is ready',
      'I wait until pod "NAME" is in phase PHASE',
      'deployment "NAME" should have N ready pods',
      'deployment "NAME" should have N running pods',
    ]);
  });
});

describe('continuePhrase', () => {
  const cases: Array<[string, string, string]> = [
    ['I wait until pod "NAME" is ready', '… is in phase PHASE', 'I wait until pod "NAME" is in phase PHASE'],
    [
      'service "NAME" should have N ready endpoint(s)',
      '… N not-ready endpoint(s)',
      'service "NAME" should have N not-ready endpoint(s)',
    ],
    ['a b', '… c', 'a b c'],
  ];
  for (const [previous, continuation, want] of cases) {
    it(`${previous} + ${continuation}`, () => {
      expect(continuePhrase(previous, continuation)).to.equal(want);
    });
  }
});
