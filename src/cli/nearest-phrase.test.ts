import { describe, it } from 'node:test';
import { expect } from 'chai';
import { CANONICAL_PHRASES } from './canonical-phrases.js';
import { nearestPhrase, phraseTokens, stepTokens, tokenCost, wordDistance } from './nearest-phrase.js';

describe('stepTokens', () => {
  const cases: Array<[string, string[]]> = [
    ['pod "web" should be ready', ['pod', '<S>', 'should', 'be', 'ready']],
    ["pod 'team-a/web' should be ready", ['pod', '<S>', 'should', 'be', 'ready']],
    ['30 seconds pass', ['<D>', 'pass']],
    ['I wait 1m30s', ['i', 'wait', '<D>']],
    ['I wait 500ms', ['i', 'wait', '<D>']],
    ['a cluster with 2 nodes', ['a', 'cluster', 'with', '<N>', 'nodes']],
    ['a cluster with nodes:', ['a', 'cluster', 'with', 'nodes', ':']],
    ['from now on, deployment "web" …', ['from', 'now', 'on', ',', 'deployment', '<S>', '…']],
  ];
  for (const [text, tokens] of cases) {
    it(text, () => {
      expect(stepTokens(text)).to.deep.equal(tokens);
    });
  }
});

describe('phraseTokens', () => {
  it('turns placeholders into classes', () => {
    expect(phraseTokens('container "C" of pod "NAME" should be STATE with reason "R"')).to.deep.equal([
      'container',
      '<S>',
      'of',
      'pod',
      '<S>',
      'should',
      'be',
      '<W>',
      'with',
      'reason',
      '<S>',
    ]);
    expect(phraseTokens('D pass(es)')).to.deep.equal(['<D>', 'pass(es)']);
    expect(phraseTokens('the QoS class of pod "NAME" should be CLASS')).to.include('qos');
    expect(phraseTokens('service "NAME" should have a cluster IP')).to.include('ip');
  });
});

describe('tokenCost and wordDistance', () => {
  it('prices edits by the longer word', () => {
    expect(wordDistance('ready', 'redy')).to.equal(0.2);
    expect(wordDistance('pod', 'pod')).to.equal(0);
    expect(wordDistance('abc', 'xyz')).to.equal(1);
  });
  it('lets optional plurals and word placeholders match', () => {
    expect(tokenCost('endpoint(s)', 'endpoints')).to.equal(0);
    expect(tokenCost('endpoint(s)', 'endpoint')).to.equal(0);
    expect(tokenCost('pass(es)', 'passes')).to.equal(0);
    expect(tokenCost('<W>', 'running')).to.equal(0);
    expect(tokenCost('<W>', '<N>')).to.equal(1);
    expect(tokenCost('<N>', '<S>')).to.equal(1);
  });
});

describe('nearestPhrase', () => {
  // Lines of the contract feature (canonical-steps.feature) and typos of them, with the phrase
  // each must be matched to.
  const cases: Array<[string, string]> = [
    ['a cluster', 'a cluster'],
    ['a cluster with 2 nodes', 'a cluster with N node(s)'],
    ['a cluster with nodes:', 'a cluster with nodes:'],
    ['image pulls take 2 seconds', 'image pulls take D'],
    ['1 minute passes', 'D pass(es)'],
    ['1m30s pass', 'D pass(es)'],
    ['I wait 45s', 'I wait D'],
    ['I run "kubectl get pods"', 'I run "COMMAND"'],
    ['I wait until pod "web" is in phase Running', 'I wait until pod "NAME" is in phase PHASE'],
    [
      'container "app" of pod "web" should have restarted 2 times',
      'container "C" of pod "NAME" should have restarted N time(s)',
    ],
    [
      'container "app" of pod "web" should be Waiting with reason "CrashLoopBackOff"',
      'container "C" of pod "NAME" should be STATE with reason "R"',
    ],
    ['service "web" should have 0 not-ready endpoints', 'service "NAME" should have N not-ready endpoint(s)'],
    [
      'the node port of service "web" should be between 30000 and 32767',
      'the node port of service "NAME" should be between N and N',
    ],
    ['I send 10 requests to "http://web.default.svc.cluster.local:80/"', 'I send N request(s) to "URL"'],
    ['deployment "web" should have 3 redy pods', 'deployment "NAME" should have N ready pods'],
    ['deployment "web" has 3 ready pods', 'deployment "NAME" should have N ready pods'],
    ['the pod "web" should be running', 'pod "NAME" should be ready'],
    ['I apply the manifests:', 'I apply the manifest:'],
    ['the deployment "web" should be rolled out', 'deployment "NAME" should be rolled out'],
    ['I wait for 30 seconds', 'I wait D'],
    [
      'from now on deployment "web" should always have at least 3 available replicas',
      'from now on, deployment "NAME" should always have at least N available replicas',
    ],
  ];
  for (const [text, phrase] of cases) {
    it(`${text} → ${phrase}`, () => {
      expect(nearestPhrase(text)?.phrase).to.equal(phrase);
    });
  }

  it('scores an exact use of a phrase 0 and a typo above 0', () => {
    expect(nearestPhrase('pod "web" should be ready')?.distance).to.equal(0);
    expect(nearestPhrase('pod "web" should be redy')?.distance).to.be.greaterThan(0);
  });

  it('knows every canonical phrase, and each is nearest to itself', () => {
    expect(CANONICAL_PHRASES.length).to.be.greaterThan(50);
    for (const phrase of CANONICAL_PHRASES) {
      const sample = phrase
        .replace(/"[^"]*"/g, '"x"')
        .replace(/\bN\b/g, '3')
        .replace(/^D\b|\bD$/, '30 seconds');
      expect(nearestPhrase(sample)?.distance, phrase).to.equal(0);
    }
  });

  it('returns undefined for no phrases', () => {
    expect(nearestPhrase('anything', [])).to.equal(undefined);
  });
});
