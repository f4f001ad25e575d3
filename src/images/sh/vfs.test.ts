import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createContainerFs, hostsFile, resolvConf } from './rootfs.js';
import { runToCompletion } from './run.js';
import { normalizePath, Vfs, VfsError, Volume } from './vfs.js';

function errno(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof VfsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('Vfs', () => {
  it('normalizes paths against a working directory', () => {
    const table: Array<[string, string, string]> = [
      ['a/b', '/tmp', '/tmp/a/b'],
      ['/a//b/./c/', '/', '/a/b/c'],
      ['../..', '/a/b/c', '/a'],
      ['..', '/', '/'],
    ];
    for (const [path, cwd, want] of table)
      expect(normalizePath(path, cwd), `${path} in ${cwd}`).to.equal(want);
  });

  it('creates, reads, appends and removes files with errno errors', () => {
    const fs = new Vfs();
    fs.mkdir('/tmp');
    fs.writeFile('/tmp/a', 'one\n');
    fs.writeFile('/tmp/a', 'two\n', { append: true });
    expect(fs.readFile('/tmp/a')).to.equal('one\ntwo\n');
    expect(fs.stat('/tmp/a')).to.include({ kind: 'file', size: 8, mode: 0o644 });
    expect(errno(() => fs.readFile('/tmp/none'))).to.equal('ENOENT');
    expect(errno(() => fs.readFile('/tmp'))).to.equal('EISDIR');
    expect(errno(() => fs.writeFile('/no/dir/f', 'x'))).to.equal('ENOENT');
    expect(errno(() => fs.readFile('/tmp/a/x'))).to.equal('ENOTDIR');
    expect(errno(() => fs.mkdir('/tmp'))).to.equal('EEXIST');
    expect(errno(() => fs.remove('/tmp'))).to.equal('EISDIR');
    fs.remove('/tmp', { recursive: true });
    expect(fs.exists('/tmp')).to.equal(false);
  });

  it('mkdir -p makes parents and accepts an existing directory', () => {
    const fs = new Vfs();
    fs.mkdir('/a/b/c', { parents: true });
    fs.mkdir('/a/b', { parents: true });
    expect(fs.readdir('/a')).to.deep.equal(['b']);
    fs.writeFile('/a/f', '');
    expect(errno(() => fs.mkdir('/a/f/g', { parents: true }))).to.equal('ENOTDIR');
  });

  it('keeps modification times from the simulated clock', () => {
    let now = 5;
    const fs = new Vfs(() => now);
    fs.writeFile('/f', 'x');
    now = 90;
    fs.touch('/f');
    expect(fs.stat('/f')?.mtime).to.equal(90);
  });

  it('shares a mounted volume between containers (an emptyDir)', () => {
    const shared = new Volume('shared-data');
    const nginx = createContainerFs({ hostname: 'two-containers' });
    const debian = createContainerFs({ hostname: 'two-containers' });
    nginx.mount('/usr/share/nginx/html', shared);
    debian.mount('/pod-data', shared);
    debian.writeFile('/pod-data/index.html', 'Hello from the debian container\n');
    expect(nginx.readFile('/usr/share/nginx/html/index.html')).to.equal('Hello from the debian container\n');
    expect(shared.readFile('index.html')).to.equal('Hello from the debian container\n');
  });

  it('a volume outlives a container restart; the container layer does not', () => {
    const cache = new Volume('cache');
    const first = createContainerFs({ hostname: 'p' });
    first.mount('/cache', cache);
    first.writeFile('/cache/kept', '1');
    first.writeFile('/tmp/lost', '1');
    const restarted = createContainerFs({ hostname: 'p' });
    restarted.mount('/cache', cache);
    expect(restarted.readFile('/cache/kept')).to.equal('1');
    expect(restarted.exists('/tmp/lost')).to.equal(false);
  });

  it('read-only mounts refuse writes; mount points cannot be removed', () => {
    const config = new Volume('config');
    config.writeFile('app.conf', 'debug=true\n');
    const fs = createContainerFs({ hostname: 'p' });
    fs.mount('/etc/config', config, { readOnly: true });
    expect(fs.readFile('/etc/config/app.conf')).to.equal('debug=true\n');
    expect(errno(() => fs.writeFile('/etc/config/app.conf', 'x'))).to.equal('EROFS');
    expect(errno(() => fs.remove('/etc/config/app.conf'))).to.equal('EROFS');
    const data = new Volume('data');
    fs.mount('/data', data);
    expect(errno(() => fs.remove('/data', { recursive: true }))).to.equal('EBUSY');
    const r = runToCompletion('echo x > /etc/config/app.conf; rm -rf /data; echo $?', { fs });
    expect(r.stderr).to.equal(
      "sh: can't create /etc/config/app.conf: Read-only file system\nrm: can't remove '/data': Resource busy\n",
    );
    expect(r.stdout).to.equal('1\n');
  });

  it('mounts a subPath of a volume', () => {
    const vol = new Volume('v');
    const fs = createContainerFs({ hostname: 'p' });
    fs.mount('/var/lib/mysql', vol, { subPath: 'mysql' });
    fs.writeFile('/var/lib/mysql/ibdata', 'x');
    expect(vol.readFile('mysql/ibdata')).to.equal('x');
  });
});

describe('container root file system', () => {
  it('holds the kubelet-managed /etc/hosts', () => {
    expect(hostsFile({ hostname: 'web-0', podIPs: ['10.244.1.5'] })).to.equal(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.5\tweb-0\n',
    );
  });

  it('adds the subdomain FQDN and hostAliases as the kubelet does', () => {
    const hosts = hostsFile({
      hostname: 'busybox-1',
      subdomain: 'busybox-subdomain',
      namespace: 'default',
      podIPs: ['10.244.0.9'],
      hostAliases: [
        { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] },
        { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] },
      ],
    });
    expect(hosts.split('\n').slice(7).join('\n')).to.equal(
      '10.244.0.9\tbusybox-1.busybox-subdomain.default.svc.cluster.local\tbusybox-1\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\tbar.remote\n',
    );
  });

  it('writes resolv.conf in containerd’s order for dnsPolicy ClusterFirst', () => {
    expect(resolvConf({ hostname: 'x', namespace: 'shop' })).to.equal(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('has the busybox layout: applets in /bin, /tmp, /dev/null, /etc/hostname', () => {
    const fs = createContainerFs({ hostname: 'web-0' });
    expect(fs.readFile('/etc/hostname')).to.equal('web-0\n');
    expect(fs.readdir('/bin')).to.include.members(['sh', 'sleep', 'wget', 'cat']);
    expect(fs.stat('/tmp')?.mode).to.equal(0o1777);
    expect(fs.stat('/dev/null')?.device).to.equal('null');
    expect(fs.readFile('/dev/termination-log')).to.equal('');
    expect(createContainerFs({ hostname: 'a', image: 'alpine' }).readFile('/etc/alpine-release')).to.match(
      /^3\./,
    );
  });
});
