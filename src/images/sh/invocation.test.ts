import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ALPINE_IMAGE, argvToScript, containerArgv } from './invocation.js';

describe('containerArgv: Kubernetes command/args over the image ENTRYPOINT/CMD', () => {
  const table: Array<[string, string[] | undefined, string[] | undefined, string[]]> = [
    ['nothing: the image CMD', undefined, undefined, ['sh']],
    ['command replaces everything', ['sleep', '3600'], undefined, ['sleep', '3600']],
    ['command plus args', ['sh', '-c'], ['echo hi'], ['sh', '-c', 'echo hi']],
    ['args alone replace CMD', undefined, ['echo', 'hi'], ['echo', 'hi']],
    ['empty lists count as unset', [], [], ['sh']],
  ];
  for (const [name, command, args, want] of table) {
    it(name, () => {
      expect(containerArgv(command, args)).to.deep.equal(want);
    });
  }
  it('alpine’s CMD is /bin/sh', () => {
    expect(containerArgv(undefined, undefined, ALPINE_IMAGE)).to.deep.equal(['/bin/sh']);
  });
});

describe('argvToScript', () => {
  it('recognises sh -c, /bin/sh -c, ash and sh -ec', () => {
    expect(argvToScript(['sh', '-c', 'echo hi'])).to.deep.include({
      kind: 'shell',
      script: 'echo hi',
      arg0: 'sh',
      args: [],
    });
    expect(argvToScript(['/bin/sh', '-c', 'x'])).to.deep.include({ kind: 'shell', arg0: '/bin/sh' });
    expect(argvToScript(['/bin/ash', '-c', 'x'])).to.deep.include({ kind: 'shell', arg0: '/bin/ash' });
    expect(argvToScript(['sh', '-ec', 'x'])).to.deep.include({ kind: 'shell', options: { errexit: true } });
    expect(argvToScript(['sh', '-x', '-c', 'x'])).to.deep.include({
      kind: 'shell',
      options: { xtrace: true },
    });
    expect(argvToScript(['busybox', 'sh', '-c', 'x'])).to.deep.include({ kind: 'shell', script: 'x' });
  });

  it('takes $0 and $1… after the script', () => {
    expect(argvToScript(['sh', '-c', 'echo $0 $1', 'name', 'one'])).to.deep.include({
      kind: 'shell',
      arg0: 'name',
      commandName: 'name',
      args: ['one'],
    });
  });

  it('plain commands run without a shell', () => {
    expect(argvToScript(['sleep', '3600'])).to.deep.equal({ kind: 'exec', argv: ['sleep', '3600'] });
    expect(argvToScript(['echo', 'hi'])).to.deep.equal({ kind: 'exec', argv: ['echo', 'hi'] });
    expect(argvToScript(['bash', '-c', 'x'])).to.deep.equal({ kind: 'exec', argv: ['bash', '-c', 'x'] });
  });

  it('sh alone reads stdin; sh FILE runs a script; errors say what is wrong', () => {
    expect(argvToScript(['sh'])).to.deep.include({ kind: 'stdin', arg0: 'sh' });
    expect(argvToScript(['sh', '/scripts/run.sh', 'a'])).to.deep.include({
      kind: 'file',
      path: '/scripts/run.sh',
      args: ['a'],
    });
    expect(argvToScript(['sh', '-c'])).to.deep.include({
      kind: 'error',
      message: 'sh: -c requires an argument',
    });
    expect(argvToScript([])).to.deep.include({ kind: 'error', message: 'no command specified' });
  });
});
