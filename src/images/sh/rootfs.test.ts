import { describe, it } from 'node:test';
import { expect } from 'chai';
import { APPLET_NAMES } from './commands/registry.js';
import { type ContainerFsOptions, createContainerFs, hostsFile, resolvConf } from './rootfs.js';
import { type Now, Vfs, type VfsDir, type VfsNode } from './vfs.js';

/**
 * The container file system as it was first written, through the Vfs's own mkdir and writeFile:
 * createContainerFs builds the same tree node by node, and must stay equal to this.
 */
function referenceFs(options: ContainerFsOptions): Vfs {
  const vfs = new Vfs(options.now ?? (() => 0));
  for (const dir of ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'sys', 'usr', 'var'])
    vfs.mkdir(`/${dir}`);
  vfs.mkdir('/tmp', { mode: 0o1777 });
  for (const dir of ['/usr/bin', '/usr/sbin', '/sbin', '/var/spool/mail', '/var/www', '/usr/local/bin']) {
    vfs.mkdir(dir, { parents: true });
  }
  const bin = vfs.lookup('/bin') as VfsDir;
  for (const name of APPLET_NAMES)
    bin.children.set(name, { kind: 'file', content: '', mode: 0o755, mtime: 0 });
  const dev = vfs.lookup('/dev') as VfsDir;
  dev.children.set('null', { kind: 'file', content: '', mode: 0o666, mtime: 0, device: 'null' });
  dev.children.set('zero', { kind: 'file', content: '', mode: 0o666, mtime: 0, device: 'zero' });
  dev.children.set('termination-log', { kind: 'file', content: '', mode: 0o666, mtime: 0 });
  dev.children.set('shm', { kind: 'dir', children: new Map(), mode: 0o1777, mtime: 0 });
  vfs.writeFile('/etc/hostname', `${options.hostname}\n`);
  vfs.writeFile('/etc/hosts', hostsFile(options));
  vfs.writeFile('/etc/resolv.conf', resolvConf(options));
  vfs.writeFile('/etc/passwd', 'PASSWD');
  vfs.writeFile('/etc/group', 'GROUP');
  vfs.writeFile('/etc/shadow', 'root:*:19000:0:99999:7:::\n', { mode: 0o600 });
  if (options.image === 'alpine') {
    vfs.writeFile('/etc/alpine-release', 'ALPINE\n');
    vfs.writeFile('/etc/os-release', 'OS\n');
  }
  return vfs;
}

/** The tree as plain data, children in insertion order; file contents are left to the checks below. */
function shape(node: VfsNode): unknown {
  if (node.kind === 'file') return { kind: 'file', mode: node.mode, mtime: node.mtime, device: node.device };
  return {
    kind: 'dir',
    mode: node.mode,
    mtime: node.mtime,
    children: [...node.children].map(([name, child]) => [name, shape(child)]),
  };
}

describe('createContainerFs', () => {
  for (const image of ['busybox', 'alpine'] as const) {
    it(`builds the same ${image} tree as mkdir and writeFile would, with mtimes from the clock`, () => {
      const now: Now = () => 42_000;
      const options: ContainerFsOptions = {
        hostname: 'web-1',
        namespace: 'apps',
        podIPs: ['10.244.0.5'],
        image,
        now,
      };
      const fast = createContainerFs(options);
      const reference = referenceFs(options);
      expect(shape(fast.root)).to.deep.equal(shape(reference.root));
      expect(fast.root.mtime).to.equal(42_000);
      expect(fast.readFile('/etc/hostname')).to.equal('web-1\n');
      expect(fast.readFile('/etc/hosts')).to.equal(reference.readFile('/etc/hosts'));
      expect(fast.readFile('/etc/resolv.conf')).to.contain('search apps.svc.cluster.local');
      expect(fast.stat('/etc/shadow')?.mode).to.equal(0o600);
    });
  }

  it('gives every container a tree of its own', () => {
    const a = createContainerFs({ hostname: 'a' });
    const b = createContainerFs({ hostname: 'b' });
    a.writeFile('/tmp/x', 'hi');
    a.chmod('/bin/sh', 0o700);
    expect(b.exists('/tmp/x')).to.equal(false);
    expect(b.stat('/bin/sh')?.mode).to.equal(0o755);
  });
});
