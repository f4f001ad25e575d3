/**
 * The busybox images (docker.io/library/busybox and the Kubernetes project's copies): which
 * busybox release a tag runs, and the applets that release does differently from the one kubesim
 * simulates (1.36). A tag selects the release: `1.28`, `1.28.4`, `1.28.4-uclibc`, `1.36-musl`;
 * `latest`, `stable`, `musl`, `glibc`, `uclibc` and other names are current. The Kubernetes
 * project's old copies (`registry.k8s.io/busybox`, `k8s.gcr.io/busybox`) are busybox 1.24 under
 * every tag but a numbered one.
 */
import type { ImageBehaviour } from './behaviour.js';
import type { ImageReference } from './reference.js';
import { nslookupLegacy } from './sh/commands/nslookup-legacy.js';
import type { Applet } from './sh/commands/types.js';
import { BUSYBOX_IMAGE } from './sh/invocation.js';

type Release = readonly [major: number, minor: number];

const CURRENT: Release = [1, 36];
/** k8s.gcr.io/busybox:latest (2016) is busybox 1.24. */
const OLD_COPIES = new Set([
  'registry.k8s.io/busybox',
  'k8s.gcr.io/busybox',
  'gcr.io/google-containers/busybox',
]);
const OLD_COPY: Release = [1, 24];

/**
 * Applets whose behaviour changed between releases: before `since`, the release has `before`.
 * busybox 1.29 replaced the libc-based nslookup with its own DNS client (FEATURE_NSLOOKUP_BIG).
 */
const CHANGED_APPLETS: ReadonlyArray<{ name: string; since: Release; before: Applet }> = [
  { name: 'nslookup', since: [1, 29], before: nslookupLegacy },
];

/** The busybox release an image reference runs. */
export function busyboxRelease(ref: ImageReference): Release {
  const m = /^(\d+)\.(\d+)(?:[.-]|$)/.exec(ref.tag ?? '');
  if (m) return [Number(m[1]), Number(m[2])];
  return OLD_COPIES.has(ref.repository) ? OLD_COPY : CURRENT;
}

function before(a: Release, b: Release): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** One behaviour per distinct applet set: every busybox container of a release shares it. */
const behaviours = new Map<string, ImageBehaviour>();

/** A busybox container: the container's command runs in the shell interpreter, with the release's applets. */
export function busyboxBehaviour(ref: ImageReference): ImageBehaviour {
  const release = busyboxRelease(ref);
  const changed = CHANGED_APPLETS.filter((c) => before(release, c.since));
  const key = changed.map((c) => c.name).join(',');
  let behaviour = behaviours.get(key);
  if (!behaviour) {
    behaviour = Object.freeze({
      name: 'busybox',
      listen: [],
      program: 'shell',
      // A shell as PID 1 has no SIGTERM handler, so the kernel drops the signal (the interpreter decides).
      sigterm: { action: 'ignore' },
      memoryBytes: 1024 * 1024,
      imageCommand: BUSYBOX_IMAGE,
      filesystem: 'busybox',
      ...(changed.length > 0 ? { commands: Object.fromEntries(changed.map((c) => [c.name, c.before])) } : {}),
    } satisfies ImageBehaviour);
    behaviours.set(key, behaviour);
  }
  return behaviour;
}
