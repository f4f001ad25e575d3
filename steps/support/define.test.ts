import { describe, it } from 'node:test';
import { supportCodeLibraryBuilder } from '@cucumber/cucumber';
import { expect } from 'chai';
import { defineSteps } from './define.js';

describe('defineSteps', () => {
  it('registers one handler under every pattern, located where defineSteps was called', () => {
    let id = 0;
    supportCodeLibraryBuilder.reset(process.cwd(), () => String(id++));
    const handler = () => undefined;
    defineSteps(['a cluster', 'a Kubernetes cluster'], handler); // the line below is this line + 1
    const line = Number(new Error().stack?.split('\n')[1]?.match(/:(\d+):\d+\)?$/)?.[1]) - 1;
    const library = supportCodeLibraryBuilder.finalize();
    const steps = library.stepDefinitions.map((s) => ({ pattern: s.pattern, uri: s.uri, line: s.line }));
    expect(steps).to.deep.equal([
      { pattern: 'a cluster', uri: 'steps/support/define.test.ts', line },
      { pattern: 'a Kubernetes cluster', uri: 'steps/support/define.test.ts', line },
    ]);
    expect(library.stepDefinitions.every((s) => s.code === handler)).to.equal(true);
  });

  it('leaves stack traces as they were afterwards', () => {
    const before = Error.prepareStackTrace;
    defineSteps(['x'], () => undefined);
    expect(Error.prepareStackTrace).to.equal(before);
  });
});
