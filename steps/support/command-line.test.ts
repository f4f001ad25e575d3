import { describe, it } from 'node:test';
import { expect } from 'chai';
import { kubectlArgs } from './command-line.js';

describe('kubectlArgs', () => {
  it('drops a leading kubectl', () => {
    expect(kubectlArgs('kubectl get pods')).to.deep.equal(['get', 'pods']);
  });
  it('keeps a line without it', () => {
    expect(kubectlArgs('get pods')).to.deep.equal(['get', 'pods']);
  });
  it('groups quoted words and removes the quotes', () => {
    expect(
      kubectlArgs(`kubectl annotate deploy web kubernetes.io/change-cause="bump to 1.25"`),
    ).to.deep.equal(['annotate', 'deploy', 'web', 'kubernetes.io/change-cause=bump to 1.25']);
  });
  it('keeps a kubectl that is not the first word', () => {
    expect(kubectlArgs(`exec web -- echo kubectl`)).to.deep.equal(['exec', 'web', '--', 'echo', 'kubectl']);
  });
});
