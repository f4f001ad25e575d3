import { describe, it } from 'node:test';
import { expect } from 'chai';
import { commandError, shellDialect } from './dialect.js';
import { createContainerFs } from './rootfs.js';
import { runToCompletion } from './run.js';

describe('shell dialects', () => {
  it('word a command that cannot run as ash, dash, bash and bash 4 do', () => {
    const table: ReadonlyArray<[Parameters<typeof commandError>, string]> = [
      [['ash', 'sh', 1, 'foo', 'not found'], 'sh: foo: not found'],
      [['dash', 'sh', 1, 'foo', 'not found'], 'sh: 1: foo: not found'],
      [['dash', '/bin/sh', 3, './x', 'Permission denied'], '/bin/sh: 3: ./x: Permission denied'],
      [['bash', 'bash', 1, 'foo', 'not found'], 'bash: line 1: foo: command not found'],
      [['bash', 'bash', 2, '/x/y', 'not found'], 'bash: line 2: /x/y: No such file or directory'],
      [['bash4', 'sh', 1, 'foo', 'not found', true], 'sh: foo: command not found'],
      [['bash4', 'run.sh', 4, 'foo', 'not found', false], 'run.sh: line 4: foo: command not found'],
    ];
    for (const [args, message] of table) expect(commandError(...args), message).to.equal(message);
  });

  it('know an image’s shells by name and by path', () => {
    const shells = { sh: 'dash', bash: 'bash' } as const;
    expect(shellDialect('sh', shells)).to.equal('dash');
    expect(shellDialect('/bin/bash', shells)).to.equal('bash');
    expect(shellDialect('/usr/local/bin/bash', shells)).to.equal('bash');
    expect(shellDialect('/opt/bash', shells)).to.equal(undefined);
    expect(shellDialect('ash', shells)).to.equal(undefined);
    expect(shellDialect('toString', shells)).to.equal(undefined);
  });

  it('number dash’s and bash’s lines from 1 in a -c string, and name $0', () => {
    const shells = { sh: 'dash', bash: 'bash' } as const;
    const run = (argv: string[]) => {
      // A Debian root: no busybox wget or ash in /bin (image-fs.ts removes what the image lacks).
      const fs = createContainerFs({ hostname: 'x' });
      for (const name of ['wget', 'ash']) fs.remove(`/bin/${name}`);
      return runToCompletion(argv, { fs, shells, absent: new Set(['wget', 'ash']) }).stderr;
    };
    expect(run(['sh', '-c', 'true\nnope'])).to.equal('sh: 2: nope: not found\n');
    expect(run(['/bin/sh', '-c', 'nope', 'myname'])).to.equal('myname: 1: nope: not found\n');
    expect(run(['bash', '-c', 'nope; sh -c nope'])).to.equal(
      'bash: line 1: nope: command not found\nsh: 1: nope: not found\n',
    );
    expect(run(['sh', '-c', 'wget -q http://x/'])).to.equal('sh: 1: wget: not found\n');
    expect(run(['sh', '-c', 'ash -c true'])).to.equal('sh: 1: ash: not found\n');
  });
});
