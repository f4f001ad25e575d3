import { Quantity } from '../core/quantity.js';
import { always, type ContainerInvocation, type HttpBehaviour, type ImageBehaviour } from './behaviour.js';
import type { ImageReference } from './reference.js';

/** One catalog entry: which images it covers, which tags exist, how big they are, what they do. */
export interface ImageEntry {
  /** Fully qualified repositories (`docker.io/library/nginx`). */
  readonly repositories: readonly string[];
  /** Whether a tag was ever published; absent: every tag exists. */
  readonly tagExists?: (tag: string) => boolean;
  /** The image's size as the registry reports it (the Pulled event prints it). */
  readonly sizeBytes: (ref: ImageReference) => number;
  readonly behaviour: (invocation: ContainerInvocation) => ImageBehaviour;
}

const KI = 1024;
const MI = 1024 * 1024;

// ---- nginx ----

/**
 * nginx releases published on Docker Hub as `X.Y.Z` and `X.Y` tags (nginx.org's 1.x release
 * history up to mid-2025): minor line → last patch release.
 */
const NGINX_LAST_PATCH: Record<number, number> = {
  7: 12,
  8: 1,
  9: 15,
  10: 3,
  11: 13,
  12: 2,
  13: 12,
  14: 2,
  15: 12,
  16: 1,
  17: 10,
  18: 0,
  19: 10,
  20: 2,
  21: 6,
  22: 1,
  23: 4,
  24: 0,
  25: 5,
  26: 3,
  27: 5,
  28: 0,
  29: 1,
};
const NGINX_VARIANTS = [
  'alpine',
  'perl',
  'alpine-perl',
  'alpine-slim',
  'bookworm',
  'bookworm-perl',
  'bullseye',
  'bullseye-perl',
  'otel',
  'alpine-otel',
  'bookworm-otel',
];
const NGINX_CHANNELS = ['latest', 'stable', 'mainline', '1'];

/** Whether nginx ever published this tag: `1.25`, `1.14.2`, `1.27-alpine`, `alpine`, `stable-perl`. */
export function nginxTagExists(tag: string): boolean {
  const dash = tag.indexOf('-');
  const base = dash < 0 ? tag : tag.slice(0, dash);
  const variant = dash < 0 ? undefined : tag.slice(dash + 1);
  if (variant !== undefined && !NGINX_VARIANTS.includes(variant)) return false;
  if (NGINX_VARIANTS.includes(tag)) return true;
  if (NGINX_CHANNELS.includes(base)) return true;
  const m = /^1\.(\d+)(?:\.(\d+))?$/.exec(base);
  if (!m) return false;
  const last = NGINX_LAST_PATCH[Number(m[1])];
  if (last === undefined) return false;
  return m[2] === undefined || Number(m[2]) <= last;
}

const NGINX_WELCOME =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';
const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const nginxHttp: HttpBehaviour = {
  routes: [
    { path: '/', answers: [always(200, NGINX_WELCOME)] },
    { path: '/index.html', answers: [always(200, NGINX_WELCOME)] },
  ],
  otherwise: always(404, NGINX_404),
};

// ---- behaviours ----

/** A server on fixed ports that exits 0 at once on SIGTERM. */
function server(name: string, listen: number[], memoryBytes: number, http?: HttpBehaviour): ImageBehaviour {
  return { name, listen, memoryBytes, sigterm: { action: 'exit', code: 0 }, ...(http ? { http } : {}) };
}

/** registry.k8s.io/liveness (test/images/liveness/server.go): /healthz is 200 for 10 s, then 500. */
const LIVENESS: ImageBehaviour = server('liveness', [8080], 4 * MI, {
  routes: [
    {
      path: '/healthz',
      // `time.Since(started).Seconds() > 10` → 500: still 200 at exactly 10 s.
      answers: [always(200, 'ok'), { fromMs: 10_001, status: 500, body: 'error: 10' }],
    },
  ],
  otherwise: always(404, '404 page not found\n'),
});

/** Images nobody described: run forever, listen on the declared ports, answer 200 to everything. */
export const UNKNOWN_BEHAVIOUR: ImageBehaviour = {
  name: 'unknown image',
  listen: 'declared',
  http: { routes: [], otherwise: always(200, '') },
  sigterm: { action: 'exit', code: 0 },
  memoryBytes: 16 * MI,
};

const SHELL: ImageBehaviour = {
  name: 'shell',
  listen: [],
  program: 'shell',
  // A shell as PID 1 has no SIGTERM handler, so the kernel drops the signal.
  sigterm: { action: 'ignore' },
  memoryBytes: 1 * MI,
};

/** `stress --vm N --vm-bytes SIZE` (sizes in B/K/M/G, powers of 1024; default 256M per worker). */
function polinuxStress(inv: ContainerInvocation): ImageBehaviour {
  const words = [...(inv.command ?? []), ...(inv.args ?? [])];
  const flag = (name: string): string | undefined => {
    const i = words.indexOf(name);
    return i >= 0 ? words[i + 1] : undefined;
  };
  const workers = Number(flag('--vm') ?? flag('-m') ?? 0);
  const each = stressBytes(flag('--vm-bytes') ?? '256M');
  return { ...server('stress', [], 1 * MI), memoryBytes: 1 * MI + workers * each };
}

function stressBytes(text: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return 0;
  const unit = { '': 1, b: 1, k: KI, m: MI, g: 1024 * MI }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** vish/stress `-mem-total 150Mi` (a Kubernetes quantity). */
function vishStress(inv: ContainerInvocation): ImageBehaviour {
  const words = [...(inv.command ?? []), ...(inv.args ?? [])];
  const i = words.findIndex((w) => w === '-mem-total' || w === '--mem-total');
  let total = 0;
  if (i >= 0 && words[i + 1]) {
    try {
      total = Quantity.parse(words[i + 1]!).value;
    } catch {
      total = 0;
    }
  }
  return { ...server('stress', [], 1 * MI), memoryBytes: 1 * MI + total };
}

/** agnhost: the subcommand (first argument) decides; `liveness` is the liveness server. */
function agnhost(inv: ContainerInvocation): ImageBehaviour {
  const sub = inv.args?.[0] ?? inv.command?.[1];
  if (sub === 'liveness') return LIVENESS;
  if (sub === 'pause') return server('agnhost pause', [], 2 * MI);
  return UNKNOWN_BEHAVIOUR;
}

const fixed = (n: number) => () => n;

/** The built-in images, in lookup order. */
export const BUILTIN_IMAGES: readonly ImageEntry[] = [
  {
    repositories: ['docker.io/library/nginx'],
    tagExists: nginxTagExists,
    sizeBytes: (ref) => (ref.tag?.includes('alpine') ? 20_458_723 : 72_225_394),
    behaviour: () => server('nginx', [80], 8 * MI, nginxHttp),
  },
  {
    repositories: ['docker.io/library/httpd'],
    sizeBytes: (ref) => (ref.tag?.includes('alpine') ? 24_512_302 : 58_412_519),
    behaviour: () =>
      server('httpd', [80], 10 * MI, {
        routes: [{ path: '/', answers: [always(200, '<html><body><h1>It works!</h1></body></html>\n')] }],
        otherwise: always(404, ''),
      }),
  },
  {
    repositories: ['docker.io/library/redis'],
    sizeBytes: (ref) => (ref.tag?.includes('alpine') ? 17_231_442 : 45_001_920),
    behaviour: () => server('redis', [6379], 4 * MI),
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
    ],
    sizeBytes: fixed(2_222_260),
    behaviour: () => SHELL,
  },
  {
    repositories: ['docker.io/library/alpine'],
    sizeBytes: fixed(3_653_068),
    behaviour: () => SHELL,
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
];
