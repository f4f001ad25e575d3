/**
 * Well-known base images: a distribution's userland and nothing else running. A container of one
 * runs its `command`/`args` over the image's ENTRYPOINT and CMD (docker-library's image configs)
 * in kubesim's POSIX-sh interpreter, with the distribution's commands (busybox's applets stand in
 * for GNU coreutils), so `command: ["printenv"]` prints and exits, and the default `bash` with
 * no terminal exits 0 at once, as a real container does.
 *
 * - debian: CMD ["bash"]; ubuntu, centos, fedora: CMD ["/bin/bash"].
 * - bash (alpine with bash in /usr/local/bin): ENTRYPOINT ["docker-entrypoint.sh"], CMD ["bash"];
 *   the entrypoint runs `bash "$@"` when the first argument is an option, else `exec "$@"`.
 * `bash` runs the same interpreter as `sh`: POSIX sh only, no arrays or other bash extensions.
 * Simplified: every tag exists; sizes are those of the current amd64 images, rounded.
 */
import type { ImageBehaviour } from './behaviour.js';
import type { ImageEntry } from './builtins.js';
import type { ImageReference } from './reference.js';
import type { ImageCommand } from './sh/invocation.js';
import {
  ALPINE_BASH_USERLAND,
  CENTOS_USERLAND,
  DEBIAN_USERLAND,
  FEDORA_USERLAND,
  type Userland,
} from './userland.js';

const MI = 1024 * 1024;

interface BaseImage {
  readonly name: string;
  readonly imageCommand: ImageCommand;
  readonly filesystem: 'debian' | 'alpine';
  readonly userland: Userland;
  readonly files?: (ref: ImageReference) => Readonly<Record<string, string>>;
}

function baseBehaviour(image: BaseImage, ref: ImageReference): ImageBehaviour {
  return {
    name: image.name,
    listen: [],
    program: 'shell',
    // The shell (or `sleep`) as PID 1 has no SIGTERM handler: the kernel drops it.
    sigterm: { action: 'ignore' },
    memoryBytes: 2 * MI,
    imageCommand: image.imageCommand,
    filesystem: image.filesystem,
    userland: image.userland,
    ...(image.files ? { files: image.files(ref) } : {}),
  };
}

/** One behaviour per image and tag: a Deployment's containers share it. */
function cached(image: BaseImage): (ref: ImageReference) => ImageBehaviour {
  const byTag = new Map<string, ImageBehaviour>();
  return (ref) => {
    const key = ref.tag ?? ref.digest ?? '';
    let b = byTag.get(key);
    if (!b) byTag.set(key, (b = Object.freeze(baseBehaviour(image, ref))));
    return b;
  };
}

const DEBIAN_RELEASES: ReadonlyArray<readonly [version: string, codename: string]> = [
  ['11', 'bullseye'],
  ['12', 'bookworm'],
  ['13', 'trixie'],
];

/** Debian's /etc/os-release for a tag naming a release (`11`, `bullseye-slim`); bookworm otherwise. */
function debianFiles(ref: ImageReference): Readonly<Record<string, string>> {
  const tag = ref.tag ?? '';
  const release = DEBIAN_RELEASES.find(([v, c]) => tag.startsWith(c) || new RegExp(`^${v}(\\D|$)`).test(tag));
  if (!release || release[1] === 'bookworm') return {};
  const [v, c] = release;
  return {
    '/etc/os-release': `PRETTY_NAME="Debian GNU/Linux ${v} (${c})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${v}"\nVERSION="${v} (${c})"\nVERSION_CODENAME=${c}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`,
  };
}

const UBUNTU_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.2 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const CENTOS_OS_RELEASE = `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"
`;

const FEDORA_OS_RELEASE = `NAME="Fedora Linux"
VERSION="42 (Container Image)"
ID=fedora
VERSION_ID=42
PRETTY_NAME="Fedora Linux 42 (Container Image)"
HOME_URL="https://fedoraproject.org/"
`;

/** tianon/docker-bash's docker-entrypoint.sh. */
const BASH_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeuo pipefail

# first arg is \`-f\` or \`--some-option\`
# or there are no args
if [ "$#" -eq 0 ] || [ "\${1#-}" != "$1" ]; then
	# docker run bash -c 'echo hi'
	exec bash "$@"
fi

exec "$@"
`;

const fixed = (n: number) => () => n;

export const BASE_IMAGES: readonly ImageEntry[] = [
  {
    repositories: ['docker.io/library/debian'],
    sizeBytes: (ref) => (ref.tag?.includes('slim') ? 28_230_000 : 48_494_000),
    behaviour: (_inv, ref) => debian(ref),
  },
  {
    repositories: ['docker.io/library/ubuntu'],
    sizeBytes: fixed(29_724_000),
    behaviour: (_inv, ref) => ubuntu(ref),
  },
  {
    repositories: ['docker.io/library/bash'],
    sizeBytes: fixed(6_435_000),
    behaviour: (_inv, ref) => bash(ref),
  },
  {
    repositories: ['docker.io/library/centos'],
    sizeBytes: fixed(76_097_000),
    behaviour: (_inv, ref) => centos(ref),
  },
  {
    repositories: ['docker.io/library/fedora', 'registry.fedoraproject.org/fedora'],
    sizeBytes: fixed(58_950_000),
    behaviour: (_inv, ref) => fedora(ref),
  },
];

const debian = cached({
  name: 'debian',
  imageCommand: { cmd: ['bash'] },
  filesystem: 'debian',
  userland: DEBIAN_USERLAND,
  files: debianFiles,
});
const ubuntu = cached({
  name: 'ubuntu',
  imageCommand: { cmd: ['/bin/bash'] },
  filesystem: 'debian',
  userland: DEBIAN_USERLAND,
  files: () => ({ '/etc/os-release': UBUNTU_OS_RELEASE }),
});
const bash = cached({
  name: 'bash',
  imageCommand: { entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'] },
  filesystem: 'alpine',
  userland: ALPINE_BASH_USERLAND,
  files: () => ({ '/usr/local/bin/docker-entrypoint.sh': BASH_ENTRYPOINT }),
});
const centos = cached({
  name: 'centos',
  imageCommand: { cmd: ['/bin/bash'] },
  filesystem: 'debian',
  userland: CENTOS_USERLAND,
  files: () => ({
    '/etc/os-release': CENTOS_OS_RELEASE,
    '/etc/centos-release': 'CentOS Linux release 7.9.2009 (Core)\n',
  }),
});
const fedora = cached({
  name: 'fedora',
  imageCommand: { cmd: ['/bin/bash'] },
  filesystem: 'debian',
  userland: FEDORA_USERLAND,
  files: () => ({
    '/etc/os-release': FEDORA_OS_RELEASE,
    '/etc/fedora-release': 'Fedora release 42 (Adams)\n',
  }),
});
