import { APPLET_NAMES } from './commands/registry.js';
import { type Now, newDir, Vfs, type VfsDir } from './vfs.js';

/** What a container's root file system is seeded from: the image and the pod. */
export interface ContainerFsOptions {
  /** The pod's hostname (`spec.hostname`, else the pod name). */
  readonly hostname: string;
  readonly namespace?: string;
  /** The pod's IPs, written to /etc/hosts by the kubelet. */
  readonly podIPs?: readonly string[];
  /** `spec.subdomain`: /etc/hosts then names `host.sub.ns.svc.cluster.local`. */
  readonly subdomain?: string;
  readonly clusterDomain?: string;
  /** resolv.conf; defaults are dnsPolicy ClusterFirst's: kube-dns at 10.96.0.10, ndots:5. */
  readonly nameservers?: readonly string[];
  readonly searches?: readonly string[];
  readonly dnsOptions?: readonly string[];
  readonly hostAliases?: ReadonlyArray<{ readonly ip: string; readonly hostnames?: readonly string[] }>;
  /** `spec.hostNetwork`: /etc/hosts is the node's (kubesim writes the localhost lines only). */
  readonly hostNetwork?: boolean;
  readonly image?: 'busybox' | 'alpine';
  readonly now?: Now;
}

export const BUSYBOX_VERSION = '1.36.1';
export const ALPINE_VERSION = '3.20.3';

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:8:
www-data:x:33:
users:x:100:
nogroup:x:65534:
`;

/**
 * The kubelet's managed hosts file (pkg/kubelet/kubelet_pods.go `managedHostsFileContent` and
 * `hostsEntriesFromHostAliases`): tab-separated, the pod's own name last.
 */
export function hostsFile(options: ContainerFsOptions): string {
  let out = '# Kubernetes-managed hosts file.\n';
  out += '127.0.0.1\tlocalhost\n';
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  out += 'fe00::0\tip6-localnet\n';
  out += 'fe00::0\tip6-mcastprefix\n';
  out += 'fe00::1\tip6-allnodes\n';
  out += 'fe00::2\tip6-allrouters\n';
  if (!options.hostNetwork) {
    const domain = options.subdomain
      ? `${options.subdomain}.${options.namespace ?? 'default'}.svc.${options.clusterDomain ?? 'cluster.local'}`
      : '';
    for (const ip of options.podIPs ?? []) {
      out += domain
        ? `${ip}\t${options.hostname}.${domain}\t${options.hostname}\n`
        : `${ip}\t${options.hostname}\n`;
    }
  }
  if (options.hostAliases && options.hostAliases.length > 0) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of options.hostAliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}

/** containerd's resolv.conf (`parseDNSOptions`): search, then nameservers, then options. */
export function resolvConf(options: ContainerFsOptions): string {
  const ns = options.namespace ?? 'default';
  const domain = options.clusterDomain ?? 'cluster.local';
  const searches = options.searches ?? [`${ns}.svc.${domain}`, `svc.${domain}`, domain];
  const servers = options.nameservers ?? ['10.96.0.10'];
  const opts = options.dnsOptions ?? ['ndots:5'];
  let out = '';
  if (searches.length > 0) out += `search ${searches.join(' ')}\n`;
  if (servers.length > 0) out += `nameserver ${servers.join('\nnameserver ')}\n`;
  if (opts.length > 0) out += `options ${opts.join(' ')}\n`;
  return out;
}

/**
 * A fresh container file system for a busybox or alpine image: the image's directories and
 * applets, /etc files from the image and the kubelet, /tmp, /dev/null and /dev/termination-log
 * (which the kubelet reads when the container ends). Mount volumes afterwards with `vfs.mount`.
 *
 * Every container start builds one, so the tree is put together node by node rather than
 * through mkdir and writeFile with their path walks; the result is the same (rootfs.test.ts
 * compares the two): every directory and file made now has the current time as its mtime.
 */
export function createContainerFs(options: ContainerFsOptions): Vfs {
  const vfs = new Vfs(options.now ?? (() => 0));
  const t = vfs.root.mtime;
  const dir = (parent: VfsDir, name: string, mode = 0o755): VfsDir => {
    const d = newDir(mode, t);
    parent.children.set(name, d);
    return d;
  };
  const file = (parent: VfsDir, name: string, content: string, mode = 0o644): void => {
    parent.children.set(name, { kind: 'file', content, mode, mtime: t });
  };
  const root = vfs.root;
  for (const name of ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'sys', 'usr', 'var'])
    dir(root, name);
  const top = (name: string) => root.children.get(name) as VfsDir;
  const [bin, dev, etc, usr, varDir] = [top('bin'), top('dev'), top('etc'), top('usr'), top('var')];
  dir(root, 'tmp', 0o1777);
  dir(usr, 'bin');
  dir(usr, 'sbin');
  dir(root, 'sbin');
  dir(dir(varDir, 'spool'), 'mail');
  dir(varDir, 'www');
  dir(dir(usr, 'local'), 'bin');
  for (const name of APPLET_NAMES)
    bin.children.set(name, { kind: 'file', content: '', mode: 0o755, mtime: 0 });
  dev.children.set('null', { kind: 'file', content: '', mode: 0o666, mtime: 0, device: 'null' });
  dev.children.set('zero', { kind: 'file', content: '', mode: 0o666, mtime: 0, device: 'zero' });
  dev.children.set('termination-log', { kind: 'file', content: '', mode: 0o666, mtime: 0 });
  dev.children.set('shm', newDir(0o1777));
  file(etc, 'hostname', `${options.hostname}\n`);
  file(etc, 'hosts', hostsFile(options));
  file(etc, 'resolv.conf', resolvConf(options));
  file(etc, 'passwd', PASSWD);
  file(etc, 'group', GROUP);
  file(etc, 'shadow', 'root:*:19000:0:99999:7:::\n', 0o600);
  if (options.image === 'alpine') {
    file(etc, 'alpine-release', `${ALPINE_VERSION}\n`);
    file(
      etc,
      'os-release',
      `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${ALPINE_VERSION}\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    );
  }
  return vfs;
}
