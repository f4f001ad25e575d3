import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { CliIo } from './io.js';
import { main } from './main.js';

function captureIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    cwd,
    env: {},
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    stdoutStream: new PassThrough(),
    stderrStream: new PassThrough(),
    readStdin: () => '',
  };
  return io;
}

// An empty folder: no features/, no cucumber config.
const EMPTY = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));

describe('main: exit statuses and messages', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['--version', ['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    ['an unknown command', ['frob'], 2, /unknown command 'frob'/],
    ['an unknown option', ['test', '--bogus'], 2, /unknown option '--bogus'/],
    ['--retry', ['test', '--retry', '2'], 2, /^kubesim: --retry is not supported: kubesim is deterministic/],
    ['a missing feature file', ['test', 'nope.feature'], 2, /^kubesim: feature path not found: nope.feature/],
    ['no features folder', ['test'], 2, /^kubesim: no features\/ folder in /],
    ['a profile without a config file', ['test', '-p', 'ci', 'x.feature'], 2, /no cucumber config file/],
    ['run without -f', ['run'], 2, /required option '-f, --filename <file>'/],
    [
      'run with a bad --for',
      ['run', '-f', 'a.yaml', '--for', 'soon'],
      2,
      /^kubesim: --for: invalid duration "soon"/,
    ],
  ];
  for (const [what, argv, status, message] of cases) {
    it(what, async () => {
      const io = captureIo(EMPTY);
      expect(await main(argv, io)).to.equal(status);
      expect(status === 0 ? io.out : io.err).to.match(message);
    });
  }
});
