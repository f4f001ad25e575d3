/**
 * The Kubernetes Basics tutorial's image: gcr.io/google-samples/kubernetes-bootcamp (tag v1) and
 * docker.io/jocatalin/kubernetes-bootcamp (v1, v2). A Node.js server.js on node:6 (Debian):
 * it listens on 8080 and answers every path with
 * `Hello Kubernetes bootcamp! | Running on: <HOSTNAME> | v=1` (v=2 for jocatalin's v2); when it
 * starts it logs `Kubernetes Bootcamp App Started At: <start> | Running On:  <HOSTNAME> ` and
 * "\n" (console.log of a trailing "\n": an empty line after it). node as PID 1 installs no
 * SIGTERM handler, so the kernel drops SIGTERM: the pod ends at its grace period's SIGKILL.
 * Simplified: the per-request log lines (`Running On: … | Total Requests: …`) are not printed;
 * the start is printed as console.log prints a Date (ISO 8601, `2025-01-01T00:00:05.000Z`).
 */
import { timestampOf } from '../store/time.js';
import type { ImageBehaviour } from './behaviour.js';
import type { ImageEntry } from './builtins.js';
import type { ImageReference } from './reference.js';

const MI = 1024 * 1024;

/** `2025-01-01T00:00:05.000Z`: util.inspect of a Date. */
function isoTime(atMs: number): string {
  return `${timestampOf(atMs).slice(0, 19)}.${String(Math.floor(atMs) % 1000).padStart(3, '0')}Z`;
}

function bootcampBehaviour(version: number): ImageBehaviour {
  return Object.freeze({
    name: 'kubernetes-bootcamp',
    listen: [8080],
    http: {
      routes: [],
      otherwise: {
        status: 200,
        respond: (r) => ({
          status: 200,
          body: `Hello Kubernetes bootcamp! | Running on: ${r.hostname} | v=${version}\n`,
        }),
      },
    },
    sigterm: { action: 'ignore' },
    memoryBytes: 24 * MI,
    output: [
      {
        afterMs: 0,
        stream: 'stdout',
        text: (at: number, hostname = 'localhost') =>
          `Kubernetes Bootcamp App Started At: ${isoTime(at)} | Running On:  ${hostname} `,
      },
      { afterMs: 0, stream: 'stdout', text: '' },
    ],
    filesystem: 'debian',
  } satisfies ImageBehaviour);
}

const V1 = bootcampBehaviour(1);
const V2 = bootcampBehaviour(2);

/** The two repositories; any tag they never published fails to pull (`v10` in the tutorial). */
export const BOOTCAMP_IMAGES: readonly ImageEntry[] = [
  {
    repositories: ['gcr.io/google-samples/kubernetes-bootcamp'],
    tagExists: (tag) => tag === 'v1',
    // node:6.3 with server.js: 211 MB as `docker images` lists it (rounded).
    sizeBytes: () => 211_336_459,
    behaviour: () => V1,
  },
  {
    repositories: ['docker.io/jocatalin/kubernetes-bootcamp'],
    tagExists: (tag) => tag === 'v1' || tag === 'v2',
    sizeBytes: () => 211_336_459,
    behaviour: (_inv, ref: ImageReference) => (ref.tag === 'v2' ? V2 : V1),
  },
];
