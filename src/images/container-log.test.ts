import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ContainerLog } from './container-log.js';

describe('ContainerLog', () => {
  it('stamps a line when its newline arrives, per stream, and keeps a last partial line at close', () => {
    let now = 0;
    const log = new ContainerLog(() => now);
    log.write(1, 'a');
    now = 1000;
    log.write(1, 'b\nc');
    log.write(2, 'oops\n');
    now = 2000;
    log.close();
    expect(log.lines()).to.deep.equal([
      { at: 1000, stream: 'stdout', text: 'ab' },
      { at: 1000, stream: 'stderr', text: 'oops' },
      { at: 2000, stream: 'stdout', text: 'c' },
    ]);
  });

  it('keeps only the newest lines, oldest first', () => {
    const log = new ContainerLog(() => 0, 3);
    for (let i = 1; i <= 5; i++) log.line('stdout', `line ${i}`);
    expect(log.size).to.equal(3);
    expect(log.lines().map((l) => l.text)).to.deep.equal(['line 3', 'line 4', 'line 5']);
  });
});
