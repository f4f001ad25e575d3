import { date } from './date.js';
import { cat, chmod, cp, ls, mkdir, mv, rm, rmdir, touch } from './fs.js';
import { killall } from './killall.js';
import { nc, wget } from './net.js';
import { nslookup } from './nslookup.js';
import {
  busybox,
  env,
  falseCmd,
  hostname,
  id,
  kill,
  nohup,
  printenv,
  ps,
  pwd,
  shApplet,
  sleep,
  sync,
  trueCmd,
  uname,
  usleep,
  which,
  whoami,
} from './sys.js';
import { test } from './test.js';
import {
  basename,
  cut,
  dirname,
  echo,
  expr,
  grep,
  head,
  printf,
  seq,
  sort,
  tail,
  tee,
  tr,
  uniq,
  wc,
} from './text.js';
import type { Applet } from './types.js';

/** The busybox applets kubesim simulates, by name. */
export const APPLETS: ReadonlyMap<string, Applet> = new Map<string, Applet>([
  ['[', test],
  ['[[', test],
  ['ash', shApplet],
  ['basename', basename],
  ['busybox', (ctx) => busybox(ctx, () => APPLET_NAMES)],
  ['cat', cat],
  ['chmod', chmod],
  ['cp', cp],
  ['cut', cut],
  ['date', date],
  ['dirname', dirname],
  ['echo', echo],
  ['egrep', grep],
  ['env', env],
  ['expr', expr],
  ['false', falseCmd],
  ['fgrep', grep],
  ['grep', grep],
  ['head', head],
  ['hostname', hostname],
  ['id', id],
  ['kill', kill],
  ['killall', killall],
  ['ls', ls],
  ['mkdir', mkdir],
  ['mv', mv],
  ['nc', nc],
  ['nohup', nohup],
  ['nslookup', nslookup],
  ['printenv', printenv],
  ['printf', printf],
  ['ps', ps],
  ['pwd', pwd],
  ['rm', rm],
  ['rmdir', rmdir],
  ['seq', seq],
  ['sh', shApplet],
  ['sleep', sleep],
  ['sort', sort],
  ['sync', sync],
  ['tail', tail],
  ['tee', tee],
  ['test', test],
  ['touch', touch],
  ['tr', tr],
  ['true', trueCmd],
  ['uname', uname],
  ['uniq', uniq],
  ['usleep', usleep],
  ['wc', wc],
  ['wget', wget],
  ['which', which],
  ['whoami', whoami],
]);

/** Names installed in /bin (the simulated ones; `ls /bin` shows them). */
export const APPLET_NAMES: readonly string[] = [...APPLETS.keys()].filter((n) => !n.startsWith('[')).sort();

/**
 * busybox 1.36's other applets (defconfig). Using one prints a clear "not simulated" error
 * instead of pretending the command does not exist.
 */
const OTHER_BUSYBOX_APPLETS = new Set(
  `acpid add-shell addgroup adduser adjtimex arch arp arping ascii awk base32 base64 bc beep blkdiscard blkid blockdev
  bootchartd brctl bunzip2 bzcat bzip2 cal chat chattr chgrp chown chpasswd chpst chroot chrt chvt cksum clear cmp comm
  conspy cpio crc32 crond crontab cryptpw cttyhack dc dd deallocvt delgroup deluser depmod devmem df dhcprelay diff
  dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases ed eject envdir envuidgid ether-wake expand
  factor fakeidentd fallocate fatattr fbset fbsplash fdflush fdformat fdisk fgconsole find findfs flock fold free
  freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd ftpget ftpput fuser getopt getty groups gunzip gzip halt hd
  hdparm hexdump hexedit hostid httpd hush hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer ifconfig ifdown
  ifenslave ifplugd ifup inetd init insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute
  iprule iptunnel kbd_mode killall5 klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger
  login logname logread losetup lpd lpq lpr lsattr lsmod lsof lspci lsscsi lsusb lzcat lzma lzop makedevs makemime
  man md5sum mdev mesg microcom mim mkdosfs mke2fs mkfifo mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp
  modinfo modprobe more mount mountpoint mpstat mt nameif nanddump nandwrite nbd-client netstat nice nl nmeter nologin
  nproc nsenter ntpd nuke od openvt partprobe passwd paste patch pgrep pidof ping ping6 pipe_progress pivot_root pkill
  pmap popmaildir poweroff powertop pscan pstree pwdx raidautorun rdate rdev readahead readlink readprofile realpath
  reboot reformime remove-shell renice reset resize resume rev rmmod route rpm rpm2cpio rtcwake run-init run-parts
  runlevel runsv runsvdir rx script scriptreplay sed sendmail setarch setconsole setfattr setfont setkeycodes
  setlogcons setpriv setserial setsid setuidgid sha1sum sha256sum sha3sum sha512sum showkey shred shuf slattach
  smemcap softlimit split ssl_client start-stop-daemon stat strings stty su sulogin sum sv svc svlogd svok swapoff
  swapon switch_root sysctl syslogd tac tar taskset tc tcpsvd telnet telnetd tftp tftpd time timeout top traceroute
  traceroute6 tree truncate ts tsort tty ttysize tunctl udhcpc udhcpc6 udhcpd udpsvd uevent umount unexpand unix2dos
  unlink unlzma unshare unxz unzip uptime users uudecode uuencode vconfig vi vlock volname w wall watch watchdog
  whois xargs xxd xz xzcat yes zcat zcip`.split(/\s+/),
);

export function isBusyboxApplet(name: string): boolean {
  return OTHER_BUSYBOX_APPLETS.has(name);
}

/** Every name busybox 1.36 answers to, simulated or not (an image's userland is described against it). */
export function busyboxNames(): readonly string[] {
  return [...APPLET_NAMES, ...OTHER_BUSYBOX_APPLETS];
}
