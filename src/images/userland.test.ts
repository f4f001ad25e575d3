import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ImageBehaviour } from './behaviour.js';
import { imageRootFs } from './image-fs.js';
import {
  ALPINE_BASH_USERLAND,
  BUSYBOX_USERLAND,
  CENTOS_USERLAND,
  DEBIAN_USERLAND,
  userlandOf,
} from './userland.js';

const base: ImageBehaviour = { name: 't', listen: [], sigterm: { action: 'exit', code: 0 }, memoryBytes: 0 };

describe('userlands', () => {
  it('leave out of Debian what its base packages do not ship', () => {
    for (const name of ['wget', 'nc', 'nslookup', 'ps', 'killall', 'kill', 'ash', 'busybox', 'ping', 'vi']) {
      expect(DEBIAN_USERLAND.absent.has(name), name).to.equal(true);
    }
    for (const name of ['cat', 'grep', 'sed', 'awk', 'find', 'sleep', 'printenv', 'sh', 'bash', 'which']) {
      expect(DEBIAN_USERLAND.absent.has(name), name).to.equal(false);
    }
    expect(DEBIAN_USERLAND.shells).to.deep.equal({ sh: 'dash', dash: 'dash', bash: 'bash' });
    expect(CENTOS_USERLAND.shells).to.deep.equal({ sh: 'bash4', bash: 'bash4' });
    expect(BUSYBOX_USERLAND.absent.size).to.equal(0);
  });

  it('follow the file system unless the image names its own', () => {
    expect(userlandOf({ ...base, filesystem: 'debian' })).to.equal(DEBIAN_USERLAND);
    expect(userlandOf({ ...base, filesystem: 'alpine' })).to.equal(BUSYBOX_USERLAND);
    expect(userlandOf({ ...base })).to.equal(BUSYBOX_USERLAND);
    expect(userlandOf({ ...base, filesystem: 'alpine', userland: ALPINE_BASH_USERLAND })).to.equal(
      ALPINE_BASH_USERLAND,
    );
  });

  it('shape the root file system: /bin without the absent commands, the shells where they live', () => {
    const debian = imageRootFs({ ...base, filesystem: 'debian' }, { hostname: 'x' });
    expect(debian.isFile('/bin/wget')).to.equal(false);
    expect(debian.isFile('/bin/cat')).to.equal(true);
    expect(debian.stat('/bin/bash')?.mode).to.equal(0o755);
    const bash = imageRootFs(
      {
        ...base,
        filesystem: 'alpine',
        userland: ALPINE_BASH_USERLAND,
        files: { '/usr/local/bin/docker-entrypoint.sh': '#!/usr/bin/env bash\nexec "$@"\n', '/etc/x': 'y' },
      },
      { hostname: 'x' },
    );
    expect(bash.isFile('/usr/local/bin/bash')).to.equal(true);
    expect(bash.isFile('/bin/bash')).to.equal(false);
    expect(bash.isFile('/bin/wget')).to.equal(true);
    expect(bash.stat('/usr/local/bin/docker-entrypoint.sh')?.mode).to.equal(0o755);
    expect(bash.stat('/etc/x')?.mode).to.equal(0o644);
  });
});
