import { describe, it } from 'node:test';
import { expect } from 'chai';
import { type Envelope, formatUndefinedSteps, StepDefinitionCheck } from './undefined-steps.js';

// The messages cucumber emits for a feature with one undefined step used in two scenarios
// and one ambiguous step (shapes as in @cucumber/messages; only the fields read are filled).
const ENVELOPES = [
  {
    gherkinDocument: {
      uri: 'features/web.feature',
      feature: {
        children: [
          { background: { steps: [{ id: 'b1', keyword: 'Given ', location: { line: 3 } }] } },
          { scenario: { steps: [{ id: 's1', keyword: 'Then ', location: { line: 6 } }] } },
          {
            rule: {
              children: [{ scenario: { steps: [{ id: 's2', keyword: 'And ', location: { line: 10 } }] } }],
            },
          },
        ],
      },
    },
  },
  {
    pickle: {
      uri: 'features/web.feature',
      steps: [
        { id: 'p1', text: 'a cluster', astNodeIds: ['b1'] },
        { id: 'p2', text: 'deployment "web" should have 3 redy pods', astNodeIds: ['s1'] },
      ],
    },
  },
  {
    pickle: {
      uri: 'features/web.feature',
      steps: [{ id: 'p3', text: 'deployment "web" should have 3 redy pods', astNodeIds: ['s2'] }],
    },
  },
  { testStepFinished: { testStepResult: { status: 'PASSED' } } },
  {
    suggestion: {
      pickleStepId: 'p2',
      snippets: [
        { language: 'javascript', code: "Then('deployment {string} should have {int} redy pods', …);" },
      ],
    },
  },
  { testStepFinished: { testStepResult: { status: 'UNDEFINED' } } },
  { suggestion: { pickleStepId: 'p3', snippets: [] } },
  { testStepFinished: { testStepResult: { status: 'UNDEFINED' } } },
  { testStepFinished: { testStepResult: { status: 'AMBIGUOUS' } } },
] as unknown as Envelope[];

describe('StepDefinitionCheck', () => {
  it('collects each undefined text once, with every location, the snippet and the nearest phrase', () => {
    const check = new StepDefinitionCheck();
    for (const e of ENVELOPES) check.add(e);
    expect(check.undefinedCount).to.equal(2);
    expect(check.ambiguousCount).to.equal(1);
    const steps = check.list();
    expect(steps).to.have.length(1);
    expect(steps[0]).to.deep.include({
      keyword: 'Then ',
      text: 'deployment "web" should have 3 redy pods',
      locations: ['features/web.feature:6', 'features/web.feature:10'],
      snippet: "Then('deployment {string} should have {int} redy pods', …);",
    });
    expect(steps[0]!.nearest?.phrase).to.equal('deployment "NAME" should have N ready pods');
  });
});

describe('formatUndefinedSteps', () => {
  it('prints the step, where it is, the nearest canonical phrase and the snippet', () => {
    const check = new StepDefinitionCheck();
    for (const e of ENVELOPES) check.add(e);
    expect(formatUndefinedSteps(check.list(), '/work/user')).to.equal(
      [
        '1 undefined step: no step definition matches this line.',
        '',
        '  Then deployment "web" should have 3 redy pods',
        '    at features/web.feature:6, features/web.feature:10',
        '    nearest canonical phrase: deployment "NAME" should have N ready pods',
        '    or define it in a file passed with --import:',
        "      Then('deployment {string} should have {int} redy pods', …);",
        '',
        "The canonical phrases are listed in kubesim's README.",
        '',
      ].join('\n'),
    );
  });

  it('says when even the nearest phrase is far', () => {
    const report = formatUndefinedSteps(
      [
        {
          keyword: 'Given ',
          text: 'my own step',
          locations: ['a.feature:2'],
          snippet: undefined,
          nearest: { phrase: 'a cluster', distance: 0.7 },
        },
      ],
      '/',
    );
    expect(report).to.include('    no canonical phrase is close; the nearest: a cluster\n');
    expect(report).not.to.include('define it');
  });

  it('prints nothing when every step is defined', () => {
    expect(formatUndefinedSteps([], '/')).to.equal('');
  });
});
