import { Quantity } from '../core/quantity.js';
import { timestampOf } from '../store/time.js';
import { agnhost, LIVENESS, goServer as server } from './agnhost.js';
import { BASE_IMAGES } from './base-images.js';
import { always, type ContainerInvocation, type ImageBehaviour, type OutputLine } from './behaviour.js';
import { BOOTCAMP_IMAGES } from './bootcamp.js';
import { busyboxBehaviour } from './busybox.js';
import { flagOf, flagValue } from './cli-flags.js';
import { basename, type ServerCommand, serveForever, serverOrShell } from './command-override.js';
import {
  NGINX_FILES,
  NGINX_HTTP,
  nginxBindFailure,
  nginxCommand,
  nginxServerCommand,
  nginxStartupOutput,
  nginxTagExists,
  nginxVersion,
} from './nginx.js';
import { nginxSignals } from './nginx-signals.js';
import { type ImageReference, parseImageReference } from './reference.js';
import { ALPINE_IMAGE } from './sh/invocation.js';

export { nginxTagExists } from './nginx.js';

/** One catalog entry: which images it covers, which tags exist, how big they are, what they do. */
export interface ImageEntry {
  /** Fully qualified repositories (`docker.io/library/nginx`). */
  readonly repositories: readonly string[];
  /** Whether a tag was ever published; absent: every tag exists. */
  readonly tagExists?: (tag: string) => boolean;
  /** The image's size as the registry reports it (the Pulled event prints it). */
  readonly sizeBytes: (ref: ImageReference) => number;
  readonly behaviour: (invocation: ContainerInvocation, ref: ImageReference) => ImageBehaviour;
}

const KI = 1024;
const MI = 1024 * 1024;

// ---- behaviours ----

/**
 * Images nobody described: run forever, listen on the declared ports, answer 200 to everything.
 * `kubectl exec` finds busybox's tools in them (most application images have a shell).
 */
export const UNKNOWN_BEHAVIOUR: ImageBehaviour = {
  name: 'unknown image',
  listen: 'declared',
  http: { routes: [], otherwise: always(200, '') },
  sigterm: { action: 'exit', code: 0 },
  memoryBytes: 16 * MI,
  filesystem: 'busybox',
};

/** alpine: the container's command runs in the shell interpreter (busybox: busybox.ts). */
const ALPINE: ImageBehaviour = {
  name: 'alpine',
  listen: [],
  program: 'shell',
  // A shell as PID 1 has no SIGTERM handler, so the kernel drops the signal (the interpreter decides).
  sigterm: { action: 'ignore' },
  memoryBytes: 1 * MI,
  imageCommand: ALPINE_IMAGE,
  filesystem: 'alpine',
};

/**
 * nginx (docker.io/library/nginx, and registry.k8s.io/e2e-test-images/nginx: nginx's alpine
 * images with a tag of their own). A command that does not start nginx runs in the shell
 * (command-override.ts): Debian's dash and userland, busybox's for the alpine tags.
 */
function nginx(inv: ContainerInvocation, version: string, alpine: boolean): ImageBehaviour {
  return serverOrShell(inv, nginxServerCommand(version), () => ({
    ...server('nginx', [80], 8 * MI, NGINX_HTTP),
    output: nginxStartupOutput(version, alpine),
    bindFailure: (port, at) => nginxBindFailure(port, at, alpine),
    filesystem: alpine ? 'alpine' : 'debian',
    files: NGINX_FILES,
    commands: { nginx: nginxCommand(version) },
    process: { name: 'nginx', commandLine: 'nginx: master process nginx -g daemon off;' },
    signals: nginxSignals(version),
  }));
}

const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/**
 * httpd (docker.io/library/httpd; registry.k8s.io/e2e-test-images/httpd is httpd's alpine image):
 * CMD ["httpd-foreground"], no ENTRYPOINT. Listens on 80 (`It works!`); a command that does not
 * start httpd runs in the shell.
 */
const HTTPD_COMMAND: ServerCommand = {
  imageCommand: { cmd: ['httpd-foreground'] },
  runsServer(argv) {
    const name = basename(argv[0]);
    if (name === 'httpd-foreground') return true;
    return (
      name === 'httpd' &&
      argv.some((w, i) => w === '-DFOREGROUND' || (w === '-D' && argv[i + 1] === 'FOREGROUND'))
    );
  },
  foreground: /(?:^|[;&|\n]|\bexec)\s*(?:\S*\/)?httpd-foreground\s*$/,
  foregroundCommands: { 'httpd-foreground': serveForever },
};

function httpd(inv: ContainerInvocation, alpine: boolean): ImageBehaviour {
  return serverOrShell(inv, HTTPD_COMMAND, () => ({
    ...server('httpd', [80], 10 * MI, {
      routes: [{ path: '/', answers: [always(200, HTTPD_INDEX)] }],
      otherwise: always(404, ''),
    }),
    output: [
      {
        afterMs: 0,
        stream: 'stderr',
        text: '[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
      },
      {
        afterMs: 0,
        stream: 'stderr',
        text: "[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      },
    ],
    filesystem: alpine ? 'alpine' : 'debian',
    files: { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX },
  }));
}

/**
 * radial/busyboxplus (tags `curl`, `latest`, `git`): busybox 1.22 (2014, buildroot) with curl,
 * CMD ["/bin/sh"]. Simplified: kubesim has no `curl` (`sh: curl: not found`).
 */
const BUSYBOXPLUS: ImageBehaviour = Object.freeze({
  ...busyboxBehaviour(parseImageReference('docker.io/library/busybox:1.22')),
  imageCommand: { cmd: ['/bin/sh'] },
});

/** redis-server's startup lines (`1:C 01 Jan 2025 00:00:00.000 * …`). */
function redisOutput(version: string): OutputLine[] {
  const stamp = (role: string, level: string, text: string): OutputLine => ({
    afterMs: 0,
    stream: 'stdout',
    text: (at) => `1:${role} ${redisTime(at)} ${level} ${text}`,
  });
  return [
    stamp('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    stamp('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    stamp(
      'C',
      '#',
      'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    ),
    stamp('M', '*', 'monotonic clock: POSIX clock_gettime'),
    stamp('M', '*', 'Running mode=standalone, port=6379.'),
    stamp('M', '*', 'Server initialized'),
    stamp('M', '*', 'Ready to accept connections tcp'),
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** redis's log time: `01 Jan 2025 00:00:05.000`. */
function redisTime(atMs: number): string {
  const t = timestampOf(atMs);
  const ms = String(Math.floor(atMs) % 1000).padStart(3, '0');
  return `${t.slice(8, 10)} ${MONTHS[Number(t.slice(5, 7)) - 1]} ${t.slice(0, 4)} ${t.slice(11, 19)}.${ms}`;
}

/**
 * polinux/stress (`stress --cpu N --io N --vm N --vm-bytes SIZE --timeout T`): uses that much
 * memory and CPU from the start, prints its `dispatching hogs` line, and with `--timeout` ends
 * after that long with `successful run completed`. Sizes in B/K/M/G, powers of 1024; 256M per
 * vm worker by default.
 */
function polinuxStress(inv: ContainerInvocation): ImageBehaviour {
  const words = [...(inv.command ?? []), ...(inv.args ?? [])];
  const count = (...names: string[]) => Number(flagOf(words, ...names) ?? 0) || 0;
  const cpu = count('--cpu', '-c');
  const io = count('--io', '-i');
  const vm = count('--vm', '-m');
  const hdd = count('--hdd', '-d');
  const each = stressBytes(flagOf(words, '--vm-bytes') ?? '256M');
  const timeout = stressSeconds(flagOf(words, '--timeout', '-t'));
  const output: OutputLine[] = [
    {
      afterMs: 0,
      stream: 'stdout',
      text: `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd`,
    },
  ];
  if (timeout !== undefined) {
    output.push({
      afterMs: timeout * 1000,
      stream: 'stdout',
      text: `stress: info: [1] successful run completed in ${timeout}s`,
    });
  }
  return {
    ...server('stress', [], 1 * MI),
    memoryBytes: 1 * MI + vm * each,
    cpuMillis: cpu * 1000,
    output,
    filesystem: 'alpine',
    ...(timeout !== undefined ? { exit: { afterMs: timeout * 1000, code: 0 } } : {}),
  };
}

function stressBytes(text: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return 0;
  const unit = { '': 1, b: 1, k: KI, m: MI, g: 1024 * MI }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** stress's `--timeout N[smhdy]`. */
function stressSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)([smhdy]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, y: 31_536_000 }[m[2] as '' | 's'];
  return Number(m[1]) * unit;
}

/** vish/stress `-mem-total 150Mi` (a Kubernetes quantity), `-cpus N`. */
function vishStress(inv: ContainerInvocation): ImageBehaviour {
  const words = [...(inv.command ?? []), ...(inv.args ?? [])];
  const quantity = (text: string | undefined): number => {
    if (!text) return 0;
    try {
      return Quantity.parse(text).value;
    } catch {
      return 0;
    }
  };
  const total = quantity(flagOf(words, '-mem-total', '--mem-total'));
  const cpus = quantity(flagOf(words, '-cpus', '--cpus'));
  return { ...server('stress', [], 1 * MI), memoryBytes: 1 * MI + total, cpuMillis: cpus * 1000 };
}

/**
 * etcd (registry.k8s.io/etcd, as kubeadm and the docs' gRPC probe example run it): gRPC and HTTP
 * on every --listen-client-urls port (default 2379; cmux serves both on one port), with the
 * grpc-go health service SERVING for the server (service ""); HTTP on the peer (2380) and
 * --listen-metrics-urls ports: /health, /version, /metrics. Simplified: every port is reachable
 * from the pod IP even when its URL names localhost, and etcd prints nothing.
 */
function etcd(inv: ContainerInvocation, ref: ImageReference): ImageBehaviour {
  const words = [...(inv.command ?? []), ...(inv.args ?? [])];
  const ports = (flag: string, fallback: string) =>
    (flagValue(words, flag) ?? fallback)
      .split(',')
      .map((url) => Number(/:(\d+)\/?$/.exec(url.trim())?.[1]))
      .filter((p) => Number.isInteger(p) && p > 0);
  const client = ports('listen-client-urls', 'http://localhost:2379');
  const peer = ports('listen-peer-urls', 'http://localhost:2380');
  const metrics = ports('listen-metrics-urls', '');
  const version = /^v?(\d+\.\d+\.\d+)/.exec(ref.tag ?? '')?.[1] ?? '3.5.16';
  const cluster = version.replace(/\.\d+$/, '.0');
  return {
    ...server('etcd', [...new Set([...client, ...peer, ...metrics])], 24 * MI, {
      routes: [
        { path: '/health', answers: [always(200, '{"health":"true","reason":""}')] },
        {
          path: '/version',
          answers: [always(200, `{"etcdserver":"${version}","etcdcluster":"${cluster}"}`)],
        },
        { path: '/metrics', answers: [always(200, '')] },
      ],
      otherwise: always(404, '404 page not found\n'),
    }),
    grpc: { ports: client, health: { '': [{ status: 'SERVING' }] }, http: true },
  };
}

const fixed = (n: number) => () => n;
const alpineTag = (ref: ImageReference) => ref.tag?.includes('alpine') ?? false;

/** The built-in images, in lookup order. */
export const BUILTIN_IMAGES: readonly ImageEntry[] = [
  {
    repositories: ['docker.io/library/nginx'],
    tagExists: nginxTagExists,
    sizeBytes: (ref) => (alpineTag(ref) ? 20_458_723 : 72_225_394),
    behaviour: (inv, ref) => nginx(inv, nginxVersion(ref.tag), alpineTag(ref)),
  },
  {
    // test/images/nginx: FROM nginx:1.14-alpine (tag 1.14-N), nginx:1.15-alpine (1.15-N).
    repositories: ['registry.k8s.io/e2e-test-images/nginx', 'gcr.io/kubernetes-e2e-test-images/nginx'],
    sizeBytes: fixed(6_522_314),
    behaviour: (inv, ref) => nginx(inv, nginxVersion(/^1\.\d+/.exec(ref.tag ?? '')?.[0] ?? '1.14'), true),
  },
  {
    repositories: ['docker.io/library/httpd'],
    sizeBytes: (ref) => (alpineTag(ref) ? 24_512_302 : 58_412_519),
    behaviour: (inv, ref) => httpd(inv, alpineTag(ref)),
  },
  {
    // test/images/httpd: FROM httpd:2.4.38-alpine (tag 2.4.38-N), 2.4.39-alpine (2.4.39-N).
    repositories: ['registry.k8s.io/e2e-test-images/httpd', 'gcr.io/kubernetes-e2e-test-images/httpd'],
    sizeBytes: fixed(40_765_006),
    behaviour: (inv) => httpd(inv, true),
  },
  {
    repositories: ['docker.io/library/redis'],
    sizeBytes: (ref) => (alpineTag(ref) ? 17_231_442 : 45_001_920),
    behaviour: (_inv, ref) => ({
      ...server('redis', [6379], 4 * MI),
      output: redisOutput(/^\d+\.\d+\.\d+$/.test(ref.tag ?? '') ? ref.tag! : '7.4.1'),
      filesystem: alpineTag(ref) ? 'alpine' : 'debian',
    }),
  },
  {
    repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause', 'gcr.io/google_containers/pause'],
    sizeBytes: fixed(320_368),
    behaviour: () => ({
      name: 'pause',
      listen: [],
      sigterm: { action: 'exit', code: 0 },
      memoryBytes: 512 * KI,
    }),
  },
  {
    repositories: [
      'docker.io/library/busybox',
      'registry.k8s.io/busybox',
      'k8s.gcr.io/busybox',
      'gcr.io/google-containers/busybox',
      'registry.k8s.io/e2e-test-images/busybox',
    ],
    sizeBytes: fixed(2_222_260),
    behaviour: (_inv, ref) => busyboxBehaviour(ref),
  },
  {
    repositories: ['docker.io/radial/busyboxplus'],
    tagExists: (tag) => tag === 'curl' || tag === 'latest' || tag === 'git',
    sizeBytes: (ref) => (ref.tag === 'git' ? 12_980_000 : 4_230_000),
    behaviour: () => BUSYBOXPLUS,
  },
  {
    repositories: ['docker.io/library/alpine'],
    sizeBytes: fixed(3_653_068),
    behaviour: () => ALPINE,
  },
  {
    repositories: ['registry.k8s.io/liveness', 'k8s.gcr.io/liveness', 'docker.io/cnych/liveness'],
    sizeBytes: fixed(4_942_435),
    behaviour: () => LIVENESS,
  },
  {
    repositories: ['registry.k8s.io/e2e-test-images/agnhost'],
    sizeBytes: fixed(51_223_148),
    behaviour: agnhost,
  },
  {
    repositories: ['registry.k8s.io/etcd', 'k8s.gcr.io/etcd'],
    // crictl lists registry.k8s.io/etcd:3.5.1-0 at 98.9MB; the byte count is that, rounded.
    sizeBytes: fixed(98_900_000),
    behaviour: etcd,
  },
  {
    repositories: ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy'],
    sizeBytes: fixed(2_498_432),
    behaviour: () => server('goproxy', [8080], 4 * MI),
  },
  {
    repositories: ['docker.io/polinux/stress'],
    sizeBytes: fixed(4_041_503),
    behaviour: polinuxStress,
  },
  {
    repositories: ['docker.io/vish/stress'],
    sizeBytes: fixed(1_385_216),
    behaviour: vishStress,
  },
  ...BOOTCAMP_IMAGES,
  ...BASE_IMAGES,
];
