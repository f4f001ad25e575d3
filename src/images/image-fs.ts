import type { ImageBehaviour } from './behaviour.js';
import { type ContainerFsOptions, createContainerFs } from './sh/rootfs.js';
import type { Vfs } from './sh/vfs.js';

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
 * and the files the image declares. Volumes are mounted by the caller.
 */
export function imageRootFs(behaviour: ImageBehaviour, options: ContainerFsOptions): Vfs {
  const fs = createContainerFs({
    ...options,
    ...(behaviour.filesystem === 'alpine' ? { image: 'alpine' as const } : {}),
  });
  if (behaviour.filesystem === 'debian') fs.writeFile('/etc/os-release', DEBIAN_OS_RELEASE);
  for (const [path, content] of Object.entries(behaviour.files ?? {})) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (dir && !fs.isDir(dir)) fs.mkdir(dir, { parents: true });
    fs.writeFile(path, content);
  }
  return fs;
}
