import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Variables } from './variables.js';

const ENV: ReadonlyArray<readonly [string, string]> = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['HOSTNAME', 'web'],
  ['PATH', '/usr/bin:/bin'],
];

function fill(vars: Variables): void {
  for (const [k, v] of ENV) vars.set(k, v, { export: true });
  vars.set('PWD', '/', { export: true });
}

function eager(): Variables {
  const vars = Variables.withDefaults();
  fill(vars);
  return vars;
}

describe('Variables.deferred', () => {
  it('fills on first use, once, to what filling at once gives', () => {
    let fills = 0;
    const vars = Variables.deferred((v) => {
      fills++;
      fill(v);
    });
    expect(fills).to.equal(0);
    expect(vars.environ()).to.deep.equal(eager().environ());
    expect(vars.sorted()).to.deep.equal(eager().sorted());
    expect(vars.get('IFS')).to.equal(' \t\n');
    expect(fills).to.equal(1);
  });

  it('keeps ash’s creation order when the first use is a write', () => {
    const vars = Variables.deferred(fill);
    vars.set('APP', 'x', { export: true });
    const reference = eager();
    reference.set('APP', 'x', { export: true });
    expect(vars.environ()).to.deep.equal(reference.environ());
  });

  it('fills before a clone, an unset or a local', () => {
    const cloned = Variables.deferred(fill).clone();
    expect(cloned.get('HOSTNAME')).to.equal('web');
    const unset = Variables.deferred(fill);
    unset.unset('PATH');
    expect(unset.isSet('PATH')).to.equal(false);
    expect(unset.get('KUBERNETES_SERVICE_HOST')).to.equal('10.96.0.1');
    const local = Variables.deferred(fill);
    local.pushScope();
    local.makeLocal('HOSTNAME', 'inner');
    local.popScope();
    expect(local.get('HOSTNAME')).to.equal('web');
  });
});
