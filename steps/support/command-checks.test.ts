import { describe, it } from 'node:test';
import { expect } from 'chai';
import { mustSucceed, outputPattern, shouldBe, shouldContain } from './command-checks.js';

describe('outputPattern', () => {
  it('matches anywhere, with ^ and $ at every line', () => {
    const output = 'NAME   READY\nweb-1  1/1\n';
    expect(outputPattern('web-\\d  1/1').test(output)).to.equal(true);
    expect(outputPattern('^web-1').test(output)).to.equal(true);
    expect(outputPattern('^READY').test(output)).to.equal(false);
  });
  it('takes flags from /REGEX/flags', () => {
    expect(outputPattern('ready', 'i').test('NAME READY')).to.equal(true);
    expect(outputPattern('ready').test('NAME READY')).to.equal(false);
  });
  it('names a broken pattern', () => {
    expect(() => outputPattern('(')).to.throw('"(" is not a regular expression');
  });
});

describe('the shared output checks', () => {
  it('ignore blanks at line ends and blank lines at the end', () => {
    expect(() => shouldBe('a   \nb\n\n', 'a\nb', 'the output')).to.not.throw();
    expect(() => shouldContain('x  \ny\n', 'x\ny', 'the output')).to.not.throw();
  });
  it('fail on a difference', () => {
    expect(() => shouldBe('a\n', 'b', 'the output')).to.throw('the output');
    expect(() => shouldContain('a\n', 'b', 'the output')).to.throw('the output');
  });
  it('mustSucceed shows kubectl error', () => {
    expect(() => mustSucceed('deleting', { stdout: '', stderr: 'boom\n', exitCode: 1 })).to.throw(
      'deleting failed (exit code 1); kubectl said:\n  boom',
    );
    expect(() => mustSucceed('deleting', { stdout: '', stderr: '', exitCode: 0 })).to.not.throw();
  });
});
