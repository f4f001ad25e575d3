import { describe, it } from 'node:test';
import { expect } from 'chai';
import { invalid, KubesimError, notFound } from '../core/errors.js';
import { CliError, ErrorList, renderError, withSource } from './errors.js';

describe('renderError (cmdutil.CheckErr)', () => {
  it('prefixes plain errors with error: once', () => {
    expect(renderError(new CliError('boom'))).to.equal('error: boom\n');
    expect(renderError(new KubesimError('error: already prefixed'))).to.equal('error: already prefixed\n');
  });
  it('prints API errors with their reason', () => {
    expect(renderError(notFound('pods', 'x'))).to.equal('Error from server (NotFound): pods "x" not found\n');
    expect(renderError(withSource('creating', 'x.yaml', notFound('namespaces', 'demo')))).to.equal(
      'Error from server (NotFound): error when creating "x.yaml": namespaces "demo" not found\n',
    );
  });
  it('prints an invalid object with one cause on the line, several as * lines, duplicates once', () => {
    const one = invalid('Deployment', 'apps', 'web', [
      {
        type: 'Invalid value',
        field: 'spec.replicas',
        value: -1,
        detail: 'must be greater than or equal to 0',
      },
    ]);
    expect(renderError(one)).to.equal(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    const cause = { type: 'Required value' as const, field: 'spec.template.spec.containers' };
    const several = invalid('Deployment', 'apps', 'web', [
      cause,
      cause,
      {
        type: 'Invalid value',
        field: 'spec.replicas',
        value: -1,
        detail: 'must be greater than or equal to 0',
      },
    ]);
    expect(renderError(withSource('creating', 'STDIN', several))).to.equal(
      'The Deployment "web" is invalid: \n* spec.template.spec.containers: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('prints several errors one per line in standard form (MultipleErrors)', () => {
    const list = new ErrorList([
      notFound('pods', 'a'),
      new CliError('the path "x" does not exist'),
      withSource('creating', 'STDIN', invalid('Pod', '', 'p', [{ type: 'Required value', field: 'spec' }])),
    ]);
    expect(renderError(list)).to.equal(
      'Error from server (NotFound): pods "a" not found\nthe path "x" does not exist\nError from server (Invalid): error when creating "STDIN": Pod "p" is invalid: spec: Required value\n',
    );
  });
  it('reports anything else as an internal error, without a stack', () => {
    expect(renderError(new TypeError('x is undefined'))).to.equal('error: internal: x is undefined\n');
  });
});
