import type { ImageBehaviour } from './behaviour.js';
import { busyboxNames } from './sh/commands/registry.js';
import { ASH_SHELLS, type ShellTable } from './sh/dialect.js';

/**
 * What an image offers a shell besides its own program: which of busybox's commands exist (the
 * interpreter's applets stand in for GNU coreutils, grep and sed in Debian-based images), which
 * shells there are and whose words their errors use, and where they are installed.
 *
 * Data, per base distribution (the images' package lists, docker-library/repo-info):
 * - busybox and alpine: every busybox applet; `sh` is ash.
 * - Debian and Ubuntu (`debian`, `ubuntu`, `nginx`, `httpd`, `redis`): coreutils, util-linux,
 *   findutils, grep, sed, tar, gzip, mawk, diffutils, hostname, sysvinit-utils, debianutils; no
 *   procps (`ps`, `kill` as a program, `pgrep`), no psmisc (`killall`), no wget, no nc, no
 *   nslookup. `sh` is dash, `bash` is bash.
 * - CentOS and Fedora: the same GNU tools; `sh` is bash (in POSIX mode; bash 4 on CentOS).
 * - the `bash` image: alpine's busybox with bash in /usr/local/bin.
 * - agnhost: alpine's busybox with bash in /bin.
 */
export interface Userland {
  /** busybox command names the image does not have: `not found`, not `applet not simulated`. */
  readonly absent: ReadonlySet<string>;
  readonly shells: ShellTable;
  /** Where each shell other than busybox's is installed (default /bin/NAME). */
  readonly shellPaths?: Readonly<Record<string, string>>;
}

/** The busybox names a GNU userland (Debian, Ubuntu, CentOS, Fedora) has too. */
const GNU_COMMANDS = new Set(
  `[ arch base32 base64 basename cat chgrp chmod chown chroot cksum comm cp cut date dd df dirname du echo
  env expand expr factor false fold groups head hostid id install link ln logname ls md5sum mkdir mkfifo
  mknod mktemp mv nice nl nohup nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum
  sha256sum sha512sum shred shuf sleep sort split stat stty sum sync tac tail tee test timeout touch tr true
  truncate tsort tty uname unexpand uniq unlink users wc who whoami yes
  blkdiscard blkid blockdev chrt dmesg fallocate findfs flock fsck fsfreeze fstrim getopt hwclock ionice
  ipcrm ipcs logger losetup mesg mkswap more mount mountpoint nsenter pivot_root readprofile renice rev
  rtcwake script scriptreplay setarch linux32 linux64 setpriv setsid su swapoff swapon switch_root taskset
  umount unshare wall
  find xargs grep egrep fgrep sed tar gzip gunzip zcat awk cmp diff hostname dnsdomainname login nologin
  chpasswd passwd killall5 pidof which run-parts add-shell remove-shell dpkg dpkg-deb start-stop-daemon
  clear reset`.split(/\s+/),
);

function userland(
  present: ReadonlySet<string> | 'all',
  shells: ShellTable,
  shellPaths?: Record<string, string>,
) {
  const absent =
    present === 'all' ? new Set<string>() : new Set(busyboxNames().filter((n) => !present.has(n)));
  for (const name of Object.keys(shells)) absent.delete(name);
  const u: Userland = { absent, shells, ...(shellPaths ? { shellPaths } : {}) };
  return Object.freeze(u);
}

export const BUSYBOX_USERLAND: Userland = userland('all', ASH_SHELLS);
export const DEBIAN_USERLAND: Userland = userland(GNU_COMMANDS, { sh: 'dash', dash: 'dash', bash: 'bash' });
/** Fedora: /bin/sh is bash. */
export const FEDORA_USERLAND: Userland = userland(GNU_COMMANDS, { sh: 'bash', bash: 'bash' });
/** CentOS 7 and 8: /bin/sh is bash 4. */
export const CENTOS_USERLAND: Userland = userland(GNU_COMMANDS, { sh: 'bash4', bash: 'bash4' });
/** The `bash` image: alpine with bash built into /usr/local/bin. */
export const ALPINE_BASH_USERLAND: Userland = userland(
  'all',
  { ...ASH_SHELLS, bash: 'bash' },
  { bash: '/usr/local/bin/bash' },
);
/**
 * agnhost (test/images/agnhost/Dockerfile): alpine with `apk add bash curl …`, so bash is
 * /bin/bash (apk's) besides busybox's ash as /bin/sh.
 */
export const AGNHOST_USERLAND: Userland = userland('all', { ...ASH_SHELLS, bash: 'bash' });

/** The userland of an image: its own, else its file system's (busybox's for alpine and unknown images). */
export function userlandOf(behaviour: ImageBehaviour): Userland {
  if (behaviour.userland) return behaviour.userland;
  return behaviour.filesystem === 'debian' ? DEBIAN_USERLAND : BUSYBOX_USERLAND;
}
