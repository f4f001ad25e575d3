import type { ImageBehaviour } from './behaviour.js';
import { type ContainerFsOptions, createContainerFs } from './sh/rootfs.js';
import type { Vfs } from './sh/vfs.js';
import { userlandOf } from './userland.js';

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/**
 * A new root file system for one container instance of an image: the busybox or alpine tree
 * with the kubelet's /etc files (createContainerFs), Debian's os-release for Debian-based images,
 * the commands of the image's userland (a Debian image has no /bin/wget, and has /bin/bash), and
 * the files the image declares. Volumes are mounted by the caller.
 */
export function imageRootFs(behaviour: ImageBehaviour, options: ContainerFsOptions): Vfs {
  const fs = createContainerFs({
    ...options,
    ...(behaviour.filesystem === 'alpine' ? { image: 'alpine' as const } : {}),
  });
  if (behaviour.filesystem === 'debian') fs.writeFile('/etc/os-release', DEBIAN_OS_RELEASE);
  const userland = userlandOf(behaviour);
  const bin = fs.lookup('/bin');
  if (userland.absent.size > 0 && bin?.kind === 'dir') {
    for (const name of [...bin.children.keys()]) if (userland.absent.has(name)) bin.children.delete(name);
  }
  for (const shell of Object.keys(userland.shells)) {
    const path = userland.shellPaths?.[shell] ?? `/bin/${shell}`;
    if (!fs.isFile(path)) writeFile(fs, path, '', 0o755);
  }
  // A script (`#!…`) is installed executable, like an entrypoint.
  for (const [path, content] of Object.entries(behaviour.files ?? {})) {
    writeFile(fs, path, content, content.startsWith('#!') ? 0o755 : undefined);
  }
  return fs;
}

function writeFile(fs: Vfs, path: string, content: string, mode?: number): void {
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir && !fs.isDir(dir)) fs.mkdir(dir, { parents: true });
  fs.writeFile(path, content, mode === undefined ? {} : { mode });
}
