import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../../core/clock.js';
import { ShellRunner } from './host.js';
import { argvToScript } from './invocation.js';
import { ShellProcess } from './process.js';
import { createContainerFs } from './rootfs.js';

/**
 * The cost that matters at scale: 1,000 busybox containers each running
 * `while true; do sleep 10; done` for an hour of simulated time, on one SimClock, as the
 * kubelet runs them. The script is parsed once (a cache shared by all containers) and each
 * iteration only re-enters the generators.
 */
describe('shell performance', () => {
  it('1,000 containers × `while true; do sleep 10; done` × 1 simulated hour', (t) => {
    const clock = new SimClock();
    const containers = 1000;
    const hourMs = 3_600_000;
    let wakeups = 0;
    const started = performance.now();
    for (let i = 0; i < containers; i++) {
      const fs = createContainerFs({ hostname: `pod-${i}`, now: () => clock.now });
      const proc = new ShellProcess(argvToScript(['sh', '-c', 'while true; do sleep 10; done']), {
        fs,
        now: () => clock.now,
        env: { HOSTNAME: `pod-${i}` },
      });
      const runner = new ShellRunner(proc, {
        get now() {
          return clock.now;
        },
        schedule: (fn, ms) => {
          clock.schedule(() => {
            wakeups++;
            fn();
          }, ms);
        },
        exit: () => {
          throw new Error('should run for ever');
        },
      });
      runner.start();
    }
    const setupMs = performance.now() - started;
    const runStart = performance.now();
    while (clock.fireNext(hourMs)) {}
    const runMs = performance.now() - runStart;
    t.diagnostic(
      `setup ${setupMs.toFixed(0)} ms for ${containers} containers; ${wakeups} sleep wake-ups in ${runMs.toFixed(0)} ms (${((runMs * 1000) / wakeups).toFixed(2)} µs each)`,
    );
    expect(wakeups).to.equal(containers * (hourMs / 10_000));
    expect(runMs).to.be.below(10_000);
  });
});
